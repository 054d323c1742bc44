namespace Tarn.Versioning.Graveler;

/// <summary>The parameters of a commit-log page (docs/commits.md, "The commit log"), with refs still as the caller wrote them.</summary>
public sealed record LogRequest
{
    /// <summary>Page size; ≤ 0 means 100, more than 1000 is capped.</summary>
    public int Amount { get; init; }

    /// <summary>Start collecting after this ref's commit has been output.</summary>
    public string? After { get; init; }

    /// <summary>Return at most <see cref="Amount"/> commits and never report more.</summary>
    public bool Limit { get; init; }

    public bool FirstParent { get; init; }

    public DateTimeOffset? Since { get; init; }

    /// <summary>Stop after this ref's commit (included).</summary>
    public string? StopAt { get; init; }

    /// <summary>Only commits that added, removed or changed one of these exact keys.</summary>
    public IReadOnlyList<byte[]> Objects { get; init; } = [];

    /// <summary>Only commits that changed some key starting with one of these.</summary>
    public IReadOnlyList<byte[]> Prefixes { get; init; } = [];
}
