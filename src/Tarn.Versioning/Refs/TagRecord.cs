using Tarn.Versioning.Model;

namespace Tarn.Versioning.Refs;

/// <summary>An immutable named pointer to a commit.</summary>
public sealed record TagRecord(string Id, CommitId CommitId);
