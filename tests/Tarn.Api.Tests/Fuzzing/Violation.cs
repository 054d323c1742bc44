using System.Text;

namespace Tarn.Api.Tests.Fuzzing;

/// <summary>The rules of <see cref="FuzzOracle"/> and of the run (sentinels, health) a server can break.</summary>
public enum ViolationKind
{
    /// <summary>A 5xx other than a documented 501.</summary>
    ServerError,

    /// <summary>The connection closed or was reset before a whole response, or no response came in time.</summary>
    ConnectionFailure,

    /// <summary>A 4xx answer with a JSON content type whose body is not <c>{"message": "..."}</c>.</summary>
    ErrorBodyShape,

    /// <summary>A 2xx answer to a request whose path has a dot segment: no operation's path has one.</summary>
    DotSegmentSuccess,

    /// <summary>A sentinel resource changed, although no request named it.</summary>
    SentinelChanged,

    /// <summary>More than one response came back for one request (a smuggled request was served).</summary>
    ExtraResponse,

    /// <summary>The server stopped being healthy, or the fuzzer's own setup calls failed.</summary>
    Unhealthy,
}

/// <summary>One broken rule, with everything needed to reproduce it.</summary>
public sealed record Violation(ViolationKind Kind, string Summary, FuzzExchange? Exchange)
{
    public string Describe(int seed)
    {
        var text = new StringBuilder();
        text.Append(Kind).Append(": ").AppendLine(Summary);
        text.Append("  seed ").Append(seed).Append(" (replay: TARN_FUZZ_SEED=").Append(seed).AppendLine(" with the same test filter)");
        if (Exchange is not null)
        {
            text.Append(Exchange.Describe());
        }

        return text.ToString();
    }
}

/// <summary>A request and what came back, with the server's warnings and errors logged meanwhile.</summary>
public sealed record FuzzExchange(FuzzRequest Request, RawOutcome Outcome, IReadOnlyList<string> ServerLog)
{
    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var line in Request.Describe().TrimEnd().Split('\n'))
        {
            text.Append("  ").AppendLine(line);
        }

        text.Append("  answer: ").AppendLine(Outcome.Response?.Describe() ?? "none");
        if (Outcome.TransportFailure is not null)
        {
            text.Append("  transport: ").AppendLine(Outcome.TransportFailure);
        }

        if (Outcome.ExtraResponse is not null)
        {
            text.Append("  then, unasked: ").AppendLine(Outcome.ExtraResponse);
        }

        foreach (var entry in ServerLog.Take(3))
        {
            text.Append("  server log: ").AppendLine(entry.Length > 4_000 ? entry[..4_000] + "…" : entry);
        }

        return text.ToString();
    }
}
