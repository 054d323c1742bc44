namespace Tarn.Versioning.Refs;

/// <summary>
/// One page of an ID-ordered listing (repositories, branches, tags) as lakeFS's <c>prefix</c>,
/// <c>after</c> and <c>amount</c> parameters (docs/http-api.md, "Paging").
/// </summary>
/// <param name="Prefix">Only IDs starting with this.</param>
/// <param name="After">Only IDs strictly greater (byte-wise) than this.</param>
/// <param name="Amount">Page size; ≤ 0 means <see cref="DefaultAmount"/>, more than <see cref="MaxAmount"/> is capped.</param>
public sealed record PageRequest(string? Prefix = null, string? After = null, int Amount = PageRequest.DefaultAmount)
{
    public const int DefaultAmount = 100;
    public const int MaxAmount = 1000;

    public static PageRequest First { get; } = new();

    /// <summary>The page size actually used.</summary>
    public int EffectiveAmount => Amount <= 0 ? DefaultAmount : Math.Min(Amount, MaxAmount);
}
