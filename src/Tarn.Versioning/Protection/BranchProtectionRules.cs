namespace Tarn.Versioning.Protection;

/// <summary>A repository's branch-protection patterns and the ETag of their stored form.</summary>
/// <param name="Patterns">In the order they were set.</param>
/// <param name="ETag">Lower-case hex SHA-256 of the stored rule set; empty when rules were never stored.</param>
public sealed record BranchProtectionRules(IReadOnlyList<string> Patterns, string ETag)
{
    public static BranchProtectionRules None { get; } = new([], string.Empty);
}
