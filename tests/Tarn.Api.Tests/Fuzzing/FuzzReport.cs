using System.Text;

namespace Tarn.Api.Tests.Fuzzing;

/// <summary>What a run prints: size and speed, statuses, depth, known-open matches, then each kind of violation with an example.</summary>
public static class FuzzReport
{
    private const int KindsShown = 15;

    public static string Summary(ApiFuzzRun run) =>
        $"{run.RequestsSent} requests in {run.Elapsed.TotalSeconds:0.0} s, {run.Violations.Count} violation(s), "
        + $"{run.KnownOpen.Count} match(es) of known-open findings";

    public static string Describe(ApiFuzzRun run, FuzzSettings settings)
    {
        var text = new StringBuilder();
        text.AppendLine($"{run.RequestsSent} requests (sentinel probes, then {settings.Rounds} rounds × every operation) in {run.Elapsed.TotalSeconds:0.0} s; seed {settings.Seed}");
        text.AppendLine("statuses: " + run.StatusSummary);
        if (run.Slowest.Request is { } slowest)
        {
            text.AppendLine($"slowest: #{slowest.Index} {slowest.OperationId} [{string.Join(", ", slowest.Mutations)}] {run.Slowest.Elapsed.TotalSeconds:0.00} s");
        }

        text.AppendLine("never answered 2xx: " + string.Join(", ", run.NeverSucceeded));
        foreach (var finding in run.KnownOpen.GroupBy(k => k.Finding))
        {
            text.AppendLine($"known open ({finding.Count()}×, not failing): {finding.Key.Title}");
            foreach (var kind in finding.GroupBy(k => k.Violation.Kind))
            {
                var example = kind.First().Violation;
                text.AppendLine($"    {kind.Count()}× {kind.Key}, e.g. request #{example.Exchange?.Request.Index}: {example.Summary.Split('\n')[0]}");
            }
        }

        if (run.Violations.Count == 0)
        {
            text.AppendLine("no violations");
            return text.ToString();
        }

        text.AppendLine($"{run.Violations.Count} violation(s); replay: {settings.ReplayCommand}");
        var kinds = run.Violations
            .GroupBy(v => (v.Kind, v.Exchange?.Request.OperationId, Status: v.Exchange?.Outcome.Response?.Status))
            .OrderBy(g => g.Key.Kind)
            .ToList();
        foreach (var group in kinds)
        {
            var first = group.First();
            text.AppendLine($"  {group.Count()}× {group.Key.Kind} on {group.Key.OperationId ?? "(run)"} ({group.Key.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer"}), "
                + $"first #{first.Exchange?.Request.Index} [{string.Join(", ", first.Exchange?.Request.Mutations ?? [])}]");
        }

        foreach (var group in kinds.Take(KindsShown))
        {
            text.AppendLine($"--- {group.Count()}× {group.Key.Kind} on {group.Key.OperationId ?? "(run)"}, e.g.:");
            text.Append(group.First().Describe(settings.Seed));
        }

        if (kinds.Count > KindsShown)
        {
            text.AppendLine($"… and {kinds.Count - KindsShown} more kinds of violation");
        }

        return text.ToString();
    }
}
