using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>
/// One HTTP/1.1 request exactly as it goes on the socket: method, raw target and headers are wire strings
/// (<see cref="Wire"/>), nothing is normalised, and framing may be broken on purpose. <c>Content-Length</c>
/// (the body's length unless told otherwise) and <c>Connection: close</c> are added when absent.
/// </summary>
internal sealed class RawHttpRequest
{
    public required string Method { get; set; }

    /// <summary>The request target as sent: origin form (<c>/repo/main/a%2e%2e</c>) or absolute form.</summary>
    public required string Target { get; set; }

    public List<(string Name, string Value)> Headers { get; init; } = [];

    public byte[] Body { get; set; } = [];

    /// <summary>Sends no <c>Content-Length</c> at all.</summary>
    public bool OmitContentLength { get; set; }

    /// <summary>A <c>Content-Length</c> that disagrees with the body.</summary>
    public long? ContentLengthOverride { get; set; }

    /// <summary>
    /// Shut the sending side after the body, so a server waiting for bytes that will never come sees the end
    /// of the stream instead of an idle client (which is not the server hanging).
    /// </summary>
    public bool HalfCloseAfterBody { get; set; }

    /// <summary>How long to keep the connection open after the answer (for a server that might read more requests from it).</summary>
    public TimeSpan LingerAfterAnswer { get; set; }

    /// <summary>The path part of the target (before <c>?</c>), still encoded; absolute form loses scheme and authority.</summary>
    public string RawPath => SplitTarget().Path;

    /// <summary>The query part of the target without <c>?</c>, still encoded.</summary>
    public string RawQuery => SplitTarget().Query;

    public string? Header(string name)
    {
        var values = Headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
        return values.Count == 0 ? null : string.Join(',', values);
    }

    public bool HasHeader(string name) => Headers.Exists(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Replaces every header of that name with one value.</summary>
    public void SetHeader(string name, string value)
    {
        RemoveHeader(name);
        Headers.Add((name, value));
    }

    public void RemoveHeader(string name) => Headers.RemoveAll(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    public RawHttpRequest Clone() => new()
    {
        Method = Method,
        Target = Target,
        Headers = [.. Headers],
        Body = Body,
        OmitContentLength = OmitContentLength,
        ContentLengthOverride = ContentLengthOverride,
        HalfCloseAfterBody = HalfCloseAfterBody,
        LingerAfterAnswer = LingerAfterAnswer,
    };

    public byte[] ToBytes()
    {
        var head = new StringBuilder(256);
        head.Append(Method).Append(' ').Append(Target).Append(" HTTP/1.1\r\n");
        foreach (var (name, value) in Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        if (!OmitContentLength && !HasHeader("Content-Length"))
        {
            head.Append("Content-Length: ").Append((ContentLengthOverride ?? Body.Length).ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        if (!HasHeader("Connection"))
        {
            head.Append("Connection: close\r\n");
        }

        head.Append("\r\n");
        return [.. Wire.Bytes(head.ToString()), .. Body];
    }

    /// <summary>The replayable form: request line, headers and body, every non-printable byte escaped.</summary>
    public string Describe(int maxBody = 2048)
    {
        var text = new StringBuilder();
        text.Append(Wire.Escape(Method)).Append(' ').Append(Wire.Escape(Target, 4096)).Append(" HTTP/1.1\n");
        foreach (var (name, value) in Headers)
        {
            text.Append("  ").Append(Wire.Escape(name, 256)).Append(": ").Append(Wire.Escape(value, 1024)).Append('\n');
        }

        if (OmitContentLength)
        {
            text.Append("  (no Content-Length)\n");
        }
        else if (ContentLengthOverride is { } length)
        {
            text.Append("  Content-Length: ").Append(length).Append(" (body has ").Append(Body.Length).Append(" bytes)\n");
        }

        if (HalfCloseAfterBody)
        {
            text.Append("  (sending side shut after the body)\n");
        }

        text.Append("  body (").Append(Body.Length).Append(" bytes, sha256 ").Append(Convert.ToHexStringLower(SHA256.HashData(Body))[..16]).Append("…): ");
        text.Append(Wire.Escape(Body, maxBody));
        return text.ToString();
    }

    private (string Path, string Query) SplitTarget()
    {
        var target = Target;
        if (!target.StartsWith('/'))
        {
            var scheme = target.IndexOf("://", StringComparison.Ordinal);
            var slash = scheme < 0 ? -1 : target.IndexOfAny(['/', '?'], scheme + 3);
            target = slash < 0 ? "/" : target[slash..];
        }

        var question = target.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? (target, "") : (target[..question], target[(question + 1)..]);
    }
}
