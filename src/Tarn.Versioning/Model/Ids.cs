namespace Tarn.Versioning.Model;

/// <summary>A commit's ID: 64 lowercase hex characters (docs/commits.md, "Commit IDs").</summary>
public readonly record struct CommitId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>
/// A metarange's ID (lowercase hex SHA-256 of its content). The empty string is the empty tree, which
/// has no file (the repository's root commit points at it).
/// </summary>
public readonly record struct MetaRangeId(string Value)
{
    public static MetaRangeId Empty { get; } = new("");

    public bool IsEmpty => string.IsNullOrEmpty(Value);

    public override string ToString() => Value;
}

/// <summary>A range's ID (lowercase hex SHA-256 of its content).</summary>
public readonly record struct RangeId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>A staging token: the name of one independent sorted key space of uncommitted values.</summary>
public readonly record struct StagingToken(string Value)
{
    public override string ToString() => Value;
}
