using System.Text;
using System.Text.Json;

namespace Tarn.Api.Tests.Fuzzing;

/// <summary>A response read off the socket: status line, headers in order, and the body as framed by them.</summary>
public sealed record RawResponse(int Status, string Reason, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public string? ContentType => Header("Content-Type");

    public bool IsJson => ContentType is { } type && type.Contains("json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>message</c> of a lakeFS error body, or null when the body has none.</summary>
    public string? ErrorMessage
    {
        get
        {
            try
            {
                using var document = JsonDocument.Parse(Body);
                return document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("message", out var message)
                    && message.ValueKind == JsonValueKind.String ? message.GetString() : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(Status).Append(' ').Append(Reason);
        foreach (var (name, value) in Headers.Where(h => h.Key is "Content-Type" or "Content-Length" or "Connection" or "Transfer-Encoding"))
        {
            text.Append(" | ").Append(name).Append(": ").Append(value);
        }

        text.Append(" | body: \"").Append(WireText.Escape(Body.AsSpan(0, Math.Min(Body.Length, 2000)))).Append('"');
        return text.ToString();
    }
}

/// <summary>
/// What came back for one request: a response, or the transport failure that took its place (closed
/// before a whole response, reset, timed out), and any bytes that followed the response on the same
/// connection although only one request was sent.
/// </summary>
public sealed record RawOutcome(RawResponse? Response, string? TransportFailure, string? ExtraResponse, TimeSpan Elapsed)
{
    /// <summary>True when the server closed the connection without answering at all (no byte came back).</summary>
    public bool ClosedSilently { get; init; }

    /// <summary>True when nothing (or not all of a response) came back before the deadline.</summary>
    public bool TimedOut { get; init; }
}
