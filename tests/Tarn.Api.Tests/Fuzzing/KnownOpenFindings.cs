namespace Tarn.Api.Tests.Fuzzing;

/// <summary>
/// A defect the fuzzer finds that is being fixed elsewhere: violations it matches are printed, not failed.
/// A match needs the violation kind, one of the request's mutations and (when listed) the operation, so a
/// new defect that only looks alike still fails.
/// </summary>
public sealed record KnownOpenFinding(string Title, IReadOnlySet<ViolationKind> Violations, IReadOnlySet<MutationKind> Mutations, IReadOnlySet<string>? Operations = null)
{
    public bool Matches(Violation violation) =>
        Violations.Contains(violation.Kind)
        && violation.Exchange?.Request is { } request
        && request.Mutations.Any(Mutations.Contains)
        && (Operations is null || Operations.Contains(request.OperationId));
}

/// <summary>
/// The findings open while this list was written. Delete an entry when its fix is merged: the fuzzer must
/// then pass without it. Keep the list short and each entry narrow.
/// </summary>
public static class KnownOpenFindings
{
    public static readonly IReadOnlyList<KnownOpenFinding> All = [];
}
