namespace Tarn.Versioning.Refs;

/// <summary>One page of the commit log; <see cref="NextOffset"/> is the last commit's ID when <see cref="HasMore"/>.</summary>
public sealed record LogPage(IReadOnlyList<CommitRecord> Commits, bool HasMore)
{
    public string NextOffset => HasMore ? Commits[^1].Id.Value : "";
}
