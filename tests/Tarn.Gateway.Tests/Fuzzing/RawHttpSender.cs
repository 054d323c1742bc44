using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>
/// Sends a <see cref="RawHttpRequest"/> on a fresh TCP connection, byte for byte (HttpClient would remove dot
/// segments, re-encode the target and refuse broken framing), and reads one response: interim 1xx answers
/// skipped, the body framed by <c>Content-Length</c>, chunked encoding or the close. The request is written
/// while the response is read, so an early answer (a refusal before the body) is seen even when the server
/// stops reading. The local address may be any loopback address, so the server sees distinct clients.
/// </summary>
internal sealed class RawHttpSender(IPEndPoint server, TimeSpan timeout)
{
    private const int MaxResponseBytes = 64 * 1024 * 1024;

    public TimeSpan Timeout => timeout;

    public async Task<RawHttpExchange> SendAsync(RawHttpRequest request, IPAddress? localAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = TimeProvider.System.GetTimestamp();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var received = new List<byte>();
        Task<string>? writing = null;
        try
        {
            if (localAddress is not null)
            {
                socket.Bind(new IPEndPoint(localAddress, 0));
            }

            await socket.ConnectAsync(server, deadline.Token);
            writing = WriteAsync(socket, request.ToBytes(), request.HalfCloseAfterBody, deadline.Token);
            var response = await ReadResponseAsync(socket, request.Method == "HEAD", received, deadline.Token);
            var writeProblem = await WithinAsync(writing, TimeSpan.FromSeconds(1));
            if (request.LingerAfterAnswer > TimeSpan.Zero)
            {
                await Task.Delay(request.LingerAfterAnswer, cancellationToken);
            }

            return new RawHttpExchange(ExchangeOutcome.Answered, response, writeProblem, Elapsed(started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new RawHttpExchange(ExchangeOutcome.TimedOut, null, Partial(received, writing), Elapsed(started));
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
        {
            return new RawHttpExchange(ExchangeOutcome.Reset, null, Partial(received, writing), Elapsed(started));
        }
        catch (EndOfStreamException)
        {
            return new RawHttpExchange(ExchangeOutcome.ClosedEarly, null, Partial(received, writing), Elapsed(started));
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or OverflowException)
        {
            return new RawHttpExchange(ExchangeOutcome.Garbled, null, e.Message + "; " + Partial(received, writing), Elapsed(started));
        }
    }

    private static async Task<string> WriteAsync(Socket socket, byte[] bytes, bool halfClose, CancellationToken cancellationToken)
    {
        try
        {
            var sent = 0;
            while (sent < bytes.Length)
            {
                sent += await socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None, cancellationToken);
            }

            if (halfClose)
            {
                socket.Shutdown(SocketShutdown.Send);
            }

            return "";
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The server may answer and close before it has read everything; the response decides.
            return "request write stopped: " + e.GetType().Name;
        }
    }

    private static async Task<string> WithinAsync(Task<string> writing, TimeSpan grace)
    {
        var finished = await Task.WhenAny(writing, Task.Delay(grace));
        return finished == writing ? await writing : "request still being written when the answer was complete";
    }

    private static async Task<RawHttpResponse> ReadResponseAsync(Socket socket, bool head, List<byte> received, CancellationToken cancellationToken)
    {
        var reader = new SocketReader(socket, received);
        while (true)
        {
            var headText = await reader.ReadHeadAsync(cancellationToken);
            var lines = headText.Split("\r\n");
            var statusParts = lines[0].Split(' ', 3);
            if (statusParts.Length < 2 || !statusParts[0].StartsWith("HTTP/", StringComparison.Ordinal)
                || !int.TryParse(statusParts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
            {
                throw new InvalidDataException("Not an HTTP status line: " + Wire.Escape(lines[0], 200));
            }

            var headers = new List<(string, string)>();
            foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                headers.Add(colon < 0 ? (line, "") : (line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }

            if (status is >= 100 and < 200)
            {
                continue;
            }

            var response = new RawHttpResponse(status, headers, []);
            if (head || status is 204 or 304)
            {
                return response;
            }

            if (response.Header("Transfer-Encoding") is { } encoding && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                return response with { Body = await reader.ReadChunkedAsync(cancellationToken) };
            }

            if (response.Header("Content-Length") is { } lengthText)
            {
                var length = long.Parse(lengthText, CultureInfo.InvariantCulture);
                return response with { Body = await reader.ReadExactlyAsync(checked((int)Math.Min(length, MaxResponseBytes)), cancellationToken) };
            }

            return response with { Body = await reader.ReadToEndAsync(cancellationToken) };
        }
    }

    private static TimeSpan Elapsed(long started) => TimeProvider.System.GetElapsedTime(started);

    private static string Partial(List<byte> received, Task<string>? writing)
    {
        var written = writing is { IsCompleted: true } ? writing.Result : "request not completely written";
        return $"received {received.Count} bytes: {Wire.Escape(received.ToArray(), 512)}; {written}";
    }

    /// <summary>Buffered reads of the response; every byte read is also kept for failure reports.</summary>
    private sealed class SocketReader(Socket socket, List<byte> received)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;

        public async Task<string> ReadHeadAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                var span = _buffer.AsSpan(_start, _end - _start);
                var end = span.IndexOf("\r\n\r\n"u8);
                if (end >= 0)
                {
                    var text = Encoding.Latin1.GetString(span[..end]);
                    _start += end + 4;
                    return text;
                }

                if (_start == 0 && _end == _buffer.Length)
                {
                    throw new InvalidDataException("Response head longer than 64 KiB.");
                }

                await FillAsync(cancellationToken);
            }
        }

        public async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
        {
            var result = new byte[count];
            var copied = 0;
            while (copied < count)
            {
                if (_start == _end)
                {
                    await FillAsync(cancellationToken);
                }

                var take = Math.Min(count - copied, _end - _start);
                _buffer.AsSpan(_start, take).CopyTo(result.AsSpan(copied));
                _start += take;
                copied += take;
            }

            return result;
        }

        public async Task<byte[]> ReadChunkedAsync(CancellationToken cancellationToken)
        {
            using var body = new MemoryStream();
            while (true)
            {
                var line = await ReadLineAsync(cancellationToken);
                var size = int.Parse(line.Split(';')[0], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    while ((await ReadLineAsync(cancellationToken)).Length > 0)
                    {
                        // Trailer lines: none expected, skipped.
                    }

                    return body.ToArray();
                }

                body.Write(await ReadExactlyAsync(size, cancellationToken));
                await ReadLineAsync(cancellationToken);
            }
        }

        public async Task<byte[]> ReadToEndAsync(CancellationToken cancellationToken)
        {
            using var body = new MemoryStream();
            while (true)
            {
                body.Write(_buffer, _start, _end - _start);
                _start = _end = 0;
                if (body.Length > MaxResponseBytes || !await TryFillAsync(cancellationToken))
                {
                    return body.ToArray();
                }
            }
        }

        private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                var span = _buffer.AsSpan(_start, _end - _start);
                var end = span.IndexOf("\r\n"u8);
                if (end >= 0)
                {
                    var line = Encoding.Latin1.GetString(span[..end]);
                    _start += end + 2;
                    return line;
                }

                await FillAsync(cancellationToken);
            }
        }

        private async Task FillAsync(CancellationToken cancellationToken)
        {
            if (!await TryFillAsync(cancellationToken))
            {
                throw new EndOfStreamException();
            }
        }

        private async Task<bool> TryFillAsync(CancellationToken cancellationToken)
        {
            if (_start == _end)
            {
                _start = _end = 0;
            }
            else if (_end == _buffer.Length)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            var read = await socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken);
            received.AddRange(_buffer.AsSpan(_end, Math.Min(read, Math.Max(0, 4096 - received.Count))));
            _end += read;
            return read > 0;
        }
    }
}
