using Tarn.Versioning.Model;

namespace Tarn.Versioning.Committed;

/// <summary>The tree an apply produced and what changed; deconstructs as <c>var (id, summary) = …</c>.</summary>
public sealed record ApplyResult(MetaRangeId MetaRangeId, ApplySummary Summary);
