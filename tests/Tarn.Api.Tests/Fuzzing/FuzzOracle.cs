namespace Tarn.Api.Tests.Fuzzing;

/// <summary>
/// Judges one exchange: (a) no 5xx but a documented 501, (b) a whole response for every request (a client
/// that promised more body than it sent and left may get none, or a reset, but not a hang), (c) lakeFS's
/// error body on every JSON 4xx,
/// and (e) no success for a path with a dot segment and no second, unasked response. Sentinels and health
/// are checked by the run itself.
/// </summary>
public sealed class FuzzOracle(NotImplementedAllowList notImplemented)
{
    public IReadOnlyList<Violation> Judge(FuzzExchange exchange)
    {
        var (request, outcome, _) = exchange;
        var violations = new List<Violation>();
        if (outcome.ExtraResponse is not null)
        {
            violations.Add(new Violation(ViolationKind.ExtraResponse, $"{request.OperationId}: a second response followed the first", exchange));
        }

        if (outcome.Response is not { } response)
        {
            if (!(request.CloseAfterSending && !outcome.TimedOut))
            {
                violations.Add(new Violation(ViolationKind.ConnectionFailure, $"{request.OperationId}: {outcome.TransportFailure}", exchange));
            }

            return violations;
        }

        if (response.Status >= 500 && !(response.Status == 501 && notImplemented.Allows(request, response)))
        {
            violations.Add(new Violation(ViolationKind.ServerError, $"{request.OperationId}: {response.Status} {response.ErrorMessage ?? response.Reason}", exchange));
        }

        if (response.Status is >= 400 and < 500 && response.IsJson && !request.IsHead && response.ErrorMessage is null)
        {
            violations.Add(new Violation(ViolationKind.ErrorBodyShape, $"{request.OperationId}: {response.Status} with a JSON body that is not {{\"message\": \"...\"}}", exchange));
        }

        if (response.Status is >= 200 and < 300 && request.HasDotSegment)
        {
            violations.Add(new Violation(ViolationKind.DotSegmentSuccess, $"{request.OperationId}: {response.Status} for a path with a dot segment", exchange));
        }

        return violations;
    }
}
