namespace Tarn.Auth;

/// <summary>
/// One page of an id-ordered listing (users, groups, policies, credentials, memberships), as lakeFS's
/// <c>prefix</c>, <c>after</c> and <c>amount</c> query parameters.
/// </summary>
/// <param name="Prefix">Only ids starting with this.</param>
/// <param name="After">Only ids strictly greater (byte-wise) than this.</param>
/// <param name="Amount">Page size; values ≤ 0 mean <see cref="DefaultAmount"/>, larger than <see cref="MaxAmount"/> are capped.</param>
public sealed record PageRequest(string? Prefix = null, string? After = null, int Amount = PageRequest.DefaultAmount)
{
    public const int DefaultAmount = 100;
    public const int MaxAmount = 1000;

    /// <summary>Everything from the start, one default-sized page.</summary>
    public static PageRequest First { get; } = new();

    /// <summary>The page size actually used.</summary>
    public int EffectiveAmount => Amount <= 0 ? DefaultAmount : Math.Min(Amount, MaxAmount);
}
