using System.Text;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>One violation of one case, with everything needed to replay and understand it.</summary>
internal sealed record Finding(Violation Violation, FuzzCase Case, RawHttpExchange? Exchange, string ServerLog, KnownFinding? Known)
{
    public string Describe(FuzzSettings settings)
    {
        var text = new StringBuilder();
        text.Append('[').Append(Violation.Kind).Append("] ").Append(Violation.Message).Append('\n');
        text.Append("seed ").Append(settings.Seed).Append(", replay: ").Append(settings.ReplayCommand(Case.Iteration)).Append('\n');
        text.Append(Case.Describe()).Append('\n');
        text.Append("answer: ").Append(Exchange?.Describe() ?? "(none)").Append('\n');
        if (ServerLog.Length > 0)
        {
            text.Append("server log:\n").Append(ServerLog.Length > 6000 ? ServerLog[..6000] + "…" : ServerLog).Append('\n');
        }

        return text.ToString();
    }
}

/// <summary>What a run did and found: counts by family and status, new findings, and the known ones it matched.</summary>
internal sealed class FuzzReport
{
    private const int KeptPerKind = 3;

    private readonly Dictionary<string, int> _families = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _statuses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Finding>> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _knownCounts = new(StringComparer.Ordinal);
    private readonly List<(TimeSpan Elapsed, int Iteration, string Family)> _slowest = [];

    public List<Finding> New { get; } = [];

    public int Cases { get; private set; }

    public int NewCount { get; private set; }

    public void Record(FuzzCase fuzzCase, RawHttpExchange? exchange, IReadOnlyList<Violation> violations, string serverLog)
    {
        ArgumentNullException.ThrowIfNull(fuzzCase);
        Cases++;
        var family = string.Join('/', fuzzCase.Family.Split('/').Take(2));
        _families[family] = _families.GetValueOrDefault(family) + 1;
        var status = exchange?.Response is { } response ? $"{response.Status} {FuzzOracle.ErrorCode(response)}".TrimEnd() : exchange?.Outcome.ToString() ?? "not sent";
        _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
        if (exchange is not null)
        {
            _slowest.Add((exchange.Elapsed, fuzzCase.Iteration, fuzzCase.Family));
            _slowest.Sort((a, b) => b.Elapsed.CompareTo(a.Elapsed));
            if (_slowest.Count > 5)
            {
                _slowest.RemoveAt(5);
            }
        }

        foreach (var violation in violations)
        {
            var known = exchange is null ? null : KnownFindings.Match(fuzzCase, exchange, violation);
            var finding = new Finding(violation, fuzzCase, exchange, serverLog, known);
            if (known is not null)
            {
                _knownCounts[known.Id] = _knownCounts.GetValueOrDefault(known.Id) + 1;
                var kept = _known.TryGetValue(known.Id, out var list) ? list : _known[known.Id] = [];
                if (kept.Count == 0)
                {
                    // One example is enough to see it is the known finding; the count says how often.
                    kept.Add(finding);
                }
            }
            else
            {
                NewCount++;
                if (New.Count(f => f.Violation.Kind == violation.Kind) < KeptPerKind * 4)
                {
                    New.Add(finding);
                }
            }
        }
    }

    /// <summary>A violation found outside any one case (health, final state).</summary>
    public void RecordGlobal(Violation violation, FuzzCase context)
    {
        NewCount++;
        New.Add(new Finding(violation, context, null, "", null));
    }

    public string Summary(FuzzSettings settings, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var text = new StringBuilder();
        text.Append($"S3 gateway fuzz: seed {settings.Seed}, {Cases} cases in {elapsed.TotalSeconds:F1} s; {NewCount} new violations.\n");
        text.Append("replay: ").Append(settings.ReplayCommand()).Append('\n');
        text.Append("families: ").AppendJoin(", ", _families.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} {f.Value}")).Append('\n');
        text.Append("answers: ").AppendJoin(", ", _statuses.OrderByDescending(s => s.Value).Select(s => $"{s.Key} ×{s.Value}")).Append('\n');
        text.Append("slowest: ").AppendJoin(", ", _slowest.Select(s => $"case {s.Iteration} {s.Family} {s.Elapsed.TotalMilliseconds:F0} ms")).Append('\n');
        foreach (var known in KnownFindings.Open)
        {
            var matched = _knownCounts.GetValueOrDefault(known.Id);
            text.Append($"known open finding {known.Id}: matched {matched} times. {known.Description}\n");
            if (matched == 0 && Cases >= 1000)
            {
                text.Append("  (not seen in this run: if its fix is merged, remove it from KnownFindings so the fuzzer guards it)\n");
            }

            foreach (var example in _known.GetValueOrDefault(known.Id) ?? [])
            {
                text.Append("  example: ").Append(example.Describe(settings).Replace("\n", "\n    ", StringComparison.Ordinal)).Append('\n');
            }
        }

        return text.ToString();
    }
}
