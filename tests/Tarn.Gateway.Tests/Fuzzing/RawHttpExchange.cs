using System.Text;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>How an exchange on the socket ended.</summary>
internal enum ExchangeOutcome
{
    /// <summary>A complete response (head and body) was read.</summary>
    Answered,

    /// <summary>The server reset the connection before a complete response.</summary>
    Reset,

    /// <summary>The server closed the connection before a complete response.</summary>
    ClosedEarly,

    /// <summary>No complete response within the timeout.</summary>
    TimedOut,

    /// <summary>Bytes came back that are not an HTTP response.</summary>
    Garbled,
}

/// <summary>A parsed response: status, headers in order, and the body (de-chunked).</summary>
internal sealed record RawHttpResponse(int Status, IReadOnlyList<(string Name, string Value)> Headers, byte[] Body)
{
    public string? Header(string name)
    {
        var values = Headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
        return values.Count == 0 ? null : string.Join(',', values);
    }

    /// <summary>The body as UTF-8 text (lossy).</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>Whether the S3 gateway produced the answer: it stamps every answer with <c>X-Amz-Request-Id</c>.</summary>
    public bool FromGateway => Header("X-Amz-Request-Id") is not null;
}

/// <summary>One request on one connection and what came back.</summary>
internal sealed record RawHttpExchange(ExchangeOutcome Outcome, RawHttpResponse? Response, string Detail, TimeSpan Elapsed)
{
    public string Describe(int maxBody = 2048)
    {
        var text = new StringBuilder();
        text.Append(Outcome).Append(" after ").Append((int)Elapsed.TotalMilliseconds).Append(" ms");
        if (Detail.Length > 0)
        {
            text.Append(" (").Append(Detail).Append(')');
        }

        if (Response is { } response)
        {
            text.Append("\n  HTTP ").Append(response.Status);
            foreach (var (name, value) in response.Headers)
            {
                text.Append("\n  ").Append(name).Append(": ").Append(Wire.Escape(value, 512));
            }

            text.Append("\n  body: ").Append(Wire.Escape(response.Body, maxBody));
        }

        return text.ToString();
    }
}
