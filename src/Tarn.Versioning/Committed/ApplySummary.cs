namespace Tarn.Versioning.Committed;

/// <summary>What an apply did: keys added, removed and changed (changes equal to the base are not counted).</summary>
public sealed record ApplySummary(long Added, long Removed, long Changed)
{
    public bool IsEmpty => Added == 0 && Removed == 0 && Changed == 0;
}
