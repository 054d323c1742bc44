namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>A defect the fuzzer finds that is being fixed elsewhere: matched precisely, reported, not failed on.</summary>
/// <param name="Id">A short name to grep for.</param>
/// <param name="Description">What is wrong, and where it is being fixed.</param>
/// <param name="Matches">Whether a violation of a case is this finding and nothing else.</param>
internal sealed record KnownFinding(string Id, string Description, Func<FuzzCase, RawHttpExchange, Violation, bool> Matches);

/// <summary>
/// The findings still open. Remove an entry when its fix is merged: from then on the fuzzer fails on it.
/// </summary>
internal static class KnownFindings
{
    public static IReadOnlyList<KnownFinding> Open { get; } = [];

    /// <summary>The first open finding a violation is, or null for a new one.</summary>
    public static KnownFinding? Match(FuzzCase fuzzCase, RawHttpExchange exchange, Violation violation) =>
        Open.FirstOrDefault(f => f.Matches(fuzzCase, exchange, violation));
}
