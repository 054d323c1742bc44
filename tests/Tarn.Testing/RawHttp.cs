using System.Net.Sockets;
using System.Text;

namespace Tarn.Testing;

/// <summary>What a server answered to a raw request.</summary>
/// <param name="Status">The status code of the first (final) answer.</param>
/// <param name="Headers">Header lines as sent, lower-case names.</param>
/// <param name="Body">The body, decoded as UTF-8.</param>
public sealed record RawHttpResponse(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>
/// Sends one HTTP/1.1 request exactly as written over a plain socket. <see cref="HttpClient"/> normalizes
/// request targets (it removes <c>..</c> segments, for one), so tests of what a server does with a raw
/// target need this. The request is sent with <c>Connection: close</c> and the answer read to the end.
/// </summary>
public static class RawHttp
{
    /// <summary>Sends <paramref name="method"/> <paramref name="target"/> with optional headers and body.</summary>
    public static async Task<RawHttpResponse> SendAsync(
        Uri server, string method, string target, IEnumerable<string>? headers = null, byte[]? body = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        var head = new StringBuilder();
        head.Append(method).Append(' ').Append(target).Append(" HTTP/1.1\r\n");
        head.Append("Host: ").Append(server.Authority).Append("\r\n");
        var chunked = false;
        foreach (var header in headers ?? [])
        {
            head.Append(header).Append("\r\n");
            chunked |= header.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase);
        }

        if (!chunked)
        {
            // A body framed by Transfer-Encoding is sent as given, without a length.
            head.Append("Content-Length: ").Append(body?.Length ?? 0).Append("\r\n");
        }

        head.Append("Connection: close\r\n\r\n");

        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken);
        if (body is { Length: > 0 })
        {
            await stream.WriteAsync(body, cancellationToken);
        }

        using var received = new MemoryStream();
        await stream.CopyToAsync(received, cancellationToken);
        return Parse(received.ToArray());
    }

    /// <summary>
    /// Sends a request without asking for the connection to close (<paramref name="head"/> is the request line
    /// and headers, without the final empty line), reads one answer by its Content-Length, then reports
    /// whether the server closed the connection afterwards (within <paramref name="closeWait"/>).
    /// </summary>
    public static async Task<(RawHttpResponse Response, bool ServerClosed)> ExchangeKeepingAliveAsync(
        Uri server, string head, byte[]? body = null, TimeSpan? closeWait = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(head);
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head + "\r\n\r\n"), cancellationToken);
        if (body is { Length: > 0 })
        {
            await stream.WriteAsync(body, cancellationToken);
        }

        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        RawHttpResponse? response = null;
        while (response is null)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                throw new IOException("the server closed the connection before a complete answer");
            }

            received.Write(buffer, 0, read);
            response = TryParseComplete(received.ToArray());
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(closeWait ?? TimeSpan.FromSeconds(2));
        try
        {
            return (response, await stream.ReadAsync(buffer, wait.Token) == 0);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (response, false);
        }
        catch (IOException)
        {
            return (response, true);
        }
    }

    // A final answer whose body (by Content-Length; none when absent) has fully arrived, or null.
    private static RawHttpResponse? TryParseComplete(byte[] data)
    {
        var span = data.AsSpan();
        while (true)
        {
            var end = span.IndexOf("\r\n\r\n"u8);
            if (end < 0)
            {
                return null;
            }

            if (!span.StartsWith("HTTP/1.1 1"u8))
            {
                var head = Encoding.ASCII.GetString(span[..end]);
                var length = head.Split("\r\n")
                    .Select(l => l.Split(':', 2))
                    .Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    .Select(p => int.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture))
                    .FirstOrDefault();
                return span.Length - (end + 4) >= length ? Parse(span.ToArray()) : null;
            }

            span = span[(end + 4)..];
        }
    }

    private static RawHttpResponse Parse(byte[] response)
    {
        var data = response.AsSpan();
        int end;
        // Skip interim answers (100 Continue) to the final one.
        while (true)
        {
            end = data.IndexOf("\r\n\r\n"u8);
            if (end < 0)
            {
                throw new InvalidDataException("the answer has no complete header: " + Encoding.UTF8.GetString(data));
            }

            if (!data.StartsWith("HTTP/1.1 1"u8))
            {
                break;
            }

            data = data[(end + 4)..];
        }

        var lines = Encoding.ASCII.GetString(data[..end]).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = lines.Skip(1)
            .Select(l => l.Split(':', 2))
            .Select(p => new KeyValuePair<string, string>(p[0].Trim().ToLowerInvariant(), p[1].Trim()))
            .ToList();
        var body = data[(end + 4)..].ToArray();
        if (headers.Any(h => h.Key == "transfer-encoding" && h.Value.Contains("chunked", StringComparison.OrdinalIgnoreCase)))
        {
            body = Unchunk(body);
        }

        return new RawHttpResponse(status, headers, Encoding.UTF8.GetString(body));
    }

    private static byte[] Unchunk(byte[] chunked)
    {
        var result = new MemoryStream();
        var rest = chunked.AsSpan();
        while (!rest.IsEmpty)
        {
            var lineEnd = rest.IndexOf("\r\n"u8);
            var sizeText = Encoding.ASCII.GetString(rest[..lineEnd]).Split(';')[0];
            var size = Convert.ToInt32(sizeText, 16);
            if (size == 0)
            {
                break;
            }

            result.Write(rest.Slice(lineEnd + 2, size));
            rest = rest[(lineEnd + 2 + size + 2)..];
        }

        return result.ToArray();
    }
}
