using System.Text;

namespace Tarn.Api.Tests.Fuzzing;

/// <summary>
/// Requests whose framing is broken or ambiguous, which only a raw socket sends: bogus Transfer-Encoding,
/// a Content-Length the body never reaches, both Content-Length and chunked, two Content-Lengths, bare LF
/// line ends, bad chunk framing, folded headers, HTTP/1.0. Where the framing is invalid or ambiguous, the
/// bytes after one reading of the body are a second request (to delete a sentinel branch, as the admin).
/// RFC 9112 (§6.1, §6.3, §7.1) leaves a server two choices there: refuse with 400 and close, or (Content-Length
/// with chunked) read the chunked body and close after answering. Either way that second request is never
/// served; a server that answers it too has let a request be smuggled past any front end that read the
/// framing the other way. Shapes with unambiguous framing carry no second request: that would just be pipelining.
/// </summary>
public static class WireShapes
{
    public static readonly IReadOnlyList<MutationKind> Kinds =
    [
        MutationKind.WireBogusTransferEncoding, MutationKind.WireAbsurdContentLengthThenClose, MutationKind.WireContentLengthAndChunked,
        MutationKind.WireDuplicateContentLength, MutationKind.WireBareLineFeeds, MutationKind.WireBadChunkFraming,
        MutationKind.WireObsoleteLineFolding, MutationKind.WireHttp10,
    ];

    public static FuzzRequest Apply(FuzzRequest request, MutationKind kind, string host, FuzzCredentials admin, FuzzRandom random)
    {
        var body = request.Body ?? [];
        var smuggled = Encoding.ASCII.GetBytes(
            $"DELETE {OperationShape.BasePath}/repositories/{SentinelNames.Repository}/branches/{SentinelNames.Branch} HTTP/1.1\r\nHost: {host}\r\nAuthorization: {admin.BasicHeader}\r\n\r\n");
        string note;
        byte[] wire;
        var closeAfterSending = false;
        switch (kind)
        {
            case MutationKind.WireBogusTransferEncoding:
                // None of these ends in the chunked coding, so the body length cannot be known: 400 and close (RFC 9112 §6.3).
                var coding = random.Pick<string>(["gzip", "chunked, gzip", "xchunked", "chunked\u000b", "identity", "chunked;q=1", "\u00e7hunked", "chunked, identity"]);
                note = $"Transfer-Encoding: {coding} (then a smuggled DELETE)";
                wire = Assemble(request, host, [$"Transfer-Encoding: {coding}"], [.. Chunked(body), .. smuggled]);
                break;
            case MutationKind.WireAbsurdContentLengthThenClose:
                var length = random.Pick<string>(["99999999999", "9223372036854775807", "41943040", "1000000"]);
                note = $"Content-Length: {length}, {Math.Min(body.Length, 10)} body bytes, then half-close";
                wire = Assemble(request, host, [$"Content-Length: {length}"], body[..Math.Min(body.Length, 10)]);
                closeAfterSending = true;
                break;
            case MutationKind.WireContentLengthAndChunked:
                var chunkedBody = Chunked(body);
                var teFirst = random.Chance(0.5);
                var contentLength = random.Chance(0.5) ? chunkedBody.Length : chunkedBody.Length + smuggled.Length;
                string[] both = teFirst
                    ? ["Transfer-Encoding: chunked", $"Content-Length: {contentLength}"]
                    : [$"Content-Length: {contentLength}", "Transfer-Encoding: chunked"];
                note = string.Join(", ", both) + " (then a smuggled DELETE)";
                wire = Assemble(request, host, both, [.. chunkedBody, .. smuggled]);
                break;
            case MutationKind.WireDuplicateContentLength:
                // Different values must be refused (RFC 9112 §6.3); equal ones may be taken as one, so they carry nothing after the body.
                var same = random.Chance(0.3);
                string[] lengths = same ? [$"Content-Length: {body.Length}", $"Content-Length: {body.Length}"]
                    : random.Chance(0.7) ? [$"Content-Length: {body.Length}", $"Content-Length: {body.Length + smuggled.Length}"]
                    : [$"Content-Length: {body.Length}, {body.Length + smuggled.Length}"];
                note = string.Join(", ", lengths) + (same ? "" : " (then a smuggled DELETE)");
                wire = Assemble(request, host, lengths, same ? body : [.. body, .. smuggled]);
                break;
            case MutationKind.WireBareLineFeeds:
                var everywhere = random.Chance(0.5);
                note = everywhere ? "every line ends with a bare LF" : "one header line ends with a bare LF";
                var crlf = Assemble(request, host, [$"Content-Length: {body.Length}"], body, bodyless: true);
                var head = Encoding.Latin1.GetString(crlf);
                head = everywhere ? head.Replace("\r\n", "\n", StringComparison.Ordinal) : ReplaceFirstHeaderEnd(head);
                wire = [.. Encoding.Latin1.GetBytes(head), .. body];
                break;
            case MutationKind.WireBadChunkFraming:
                // Sizes that are no hex number, data longer than its size and bare LF line ends leave the body's
                // end unknown: refuse and close. An odd extension or trailer leaves it known, so nothing follows.
                var (framing, ambiguous) = random.Pick<(string, bool)>(
                [
                    ("zz\r\nab\r\n0\r\n\r\n", true), ("-1\r\n\r\n", true), ("ffffffffffffffffff\r\na\r\n0\r\n\r\n", true), ("3\nabc\n0\n\n", true),
                    ("3\r\nabcdef\r\n0\r\n\r\n", true), ("0x3\r\nabc\r\n0\r\n\r\n", true), ("3;ext=\"\r\nabc\r\n0\r\n\r\n", false),
                    ("3\r\nabc\r\n0\r\nX-Trailer: \u0001\r\n\r\n", false),
                ]);
                note = "chunked body " + WireText.Escape(framing) + (ambiguous ? " (then a smuggled DELETE)" : "");
                wire = Assemble(request, host, ["Transfer-Encoding: chunked"], ambiguous ? [.. Encoding.Latin1.GetBytes(framing), .. smuggled] : Encoding.Latin1.GetBytes(framing));
                break;
            case MutationKind.WireObsoleteLineFolding:
                note = "a header folded onto a second line";
                wire = Assemble(request, host, ["X-Folded: first", " second", $"Content-Length: {body.Length}"], body);
                break;
            default:
                note = "HTTP/1.0 request line";
                var ten = Encoding.Latin1.GetString(Assemble(request, host, [$"Content-Length: {body.Length}"], [], bodyless: true));
                ten = ten.Replace(" HTTP/1.1\r\n", " HTTP/1.0\r\n", StringComparison.Ordinal);
                if (random.Chance(0.5))
                {
                    ten = ten.Replace($"Host: {host}\r\n", "", StringComparison.Ordinal);
                }

                wire = [.. Encoding.Latin1.GetBytes(ten), .. body];
                break;
        }

        return request with
        {
            Mutations = [.. request.Mutations, kind],
            RawWire = wire,
            CloseAfterSending = closeAfterSending,
            Note = request.Note is null ? note : request.Note + "; " + note,
        };
    }

    /// <summary>Request line, Host, the request's headers, the framing headers given, then <paramref name="payload"/>.</summary>
    private static byte[] Assemble(FuzzRequest request, string host, IEnumerable<string> framing, byte[] payload, bool bodyless = false)
    {
        var head = new StringBuilder();
        head.Append(request.Method).Append(' ').Append(request.Target).Append(" HTTP/1.1\r\n");
        head.Append("Host: ").Append(host).Append("\r\n");
        foreach (var (name, value) in request.Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        foreach (var line in framing)
        {
            head.Append(line).Append("\r\n");
        }

        head.Append("\r\n");
        var headBytes = WireText.ToBytes(head.ToString());
        return bodyless ? headBytes : [.. headBytes, .. payload];
    }

    private static byte[] Chunked(byte[] body) =>
        body.Length == 0 ? "0\r\n\r\n"u8.ToArray() : [.. Encoding.ASCII.GetBytes(body.Length.ToString("x", System.Globalization.CultureInfo.InvariantCulture) + "\r\n"), .. body, .. "\r\n0\r\n\r\n"u8];

    private static string ReplaceFirstHeaderEnd(string head)
    {
        var firstLineEnd = head.IndexOf("\r\n", StringComparison.Ordinal);
        var secondLineEnd = head.IndexOf("\r\n", firstLineEnd + 2, StringComparison.Ordinal);
        return secondLineEnd < 0 ? head : head.Remove(secondLineEnd, 1);
    }
}
