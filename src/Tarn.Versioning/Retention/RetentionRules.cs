namespace Tarn.Versioning.Retention;

/// <summary>
/// A repository's garbage-collection rules (docs/repositories.md, "Garbage-collection rules"): how many days commits stay retained after
/// they were superseded, by default and per branch.
/// </summary>
public sealed record RetentionRules(int DefaultRetentionDays, IReadOnlyList<BranchRetention> Branches);

/// <summary>The retention of one branch, overriding the default.</summary>
public sealed record BranchRetention(string BranchId, int RetentionDays);
