using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Tarn.Api.Tests.Fuzzing;

/// <summary>
/// An HTTP/1.1 client on a plain socket. HttpClient rewrites what it sends (it removes dot segments from
/// paths, refuses bad header bytes and sets Content-Length itself), so the fuzzer writes the exact request
/// bytes here and reads the answer by hand: framing by Content-Length or chunked encoding, 1xx skipped.
/// Unlike the test kit's <c>RawHttp</c> (one request per connection, answers framed by Content-Length), it
/// keeps a connection alive between requests, reads chunked answers, sends arbitrary bytes, gives up after
/// a deadline and watches for answers nobody asked for.
/// </summary>
public sealed class RawHttpClient(IPEndPoint server) : IAsyncDisposable
{
    private const int MaxBodyBytes = 64 * 1024 * 1024;
    private static readonly TimeSpan ExtraResponseWait = TimeSpan.FromMilliseconds(300);

    private RawConnection? _connection;

    public string Host { get; } = server.ToString();

    /// <summary>
    /// Sends <paramref name="request"/> and reads one response within <paramref name="timeout"/>. A wire-shape
    /// request gets a fresh connection that is closed afterwards, and the connection is watched briefly for
    /// a second response (what a smuggled request would produce).
    /// </summary>
    public async Task<RawOutcome> SendAsync(FuzzRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var bytes = request.ToWire(Host);
        var isolated = request.RawWire is not null || request.CloseAfterSending;
        var reused = _connection is not null && !isolated;
        var outcome = await SendOnceAsync(bytes, request, isolated, timeout, cancellationToken);
        if (reused && outcome.ClosedSilently)
        {
            // The server may close an idle kept-alive connection just as we reuse it; browsers retry then too.
            outcome = await SendOnceAsync(bytes, request, isolated, timeout, cancellationToken);
        }

        return outcome;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    private async Task<RawOutcome> SendOnceAsync(byte[] bytes, FuzzRequest request, bool isolated, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        RawConnection connection;
        if (isolated || _connection is null)
        {
            if (_connection is not null && !isolated)
            {
                await _connection.DisposeAsync();
            }

            connection = await RawConnection.OpenAsync(server, deadline.Token);
            if (!isolated)
            {
                _connection = connection;
            }
        }
        else
        {
            connection = _connection;
        }

        var writing = connection.WriteAsync(bytes, request.CloseAfterSending, deadline.Token);
        RawResponse? response = null;
        string? failure = null;
        var silent = false;
        var timedOut = false;
        var keepOpen = !isolated;
        try
        {
            response = await ReadResponseAsync(connection, request.IsHead, deadline.Token);
            if (response is null)
            {
                failure = "connection closed before any byte of a response";
                silent = true;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            failure = $"no complete response within {timeout.TotalSeconds:0} s";
            timedOut = true;
        }
        catch (Exception e) when (e is IOException or SocketException or InvalidDataException)
        {
            failure = Describe(e);
        }

        var writeFailed = await WriteFailedAsync(writing, timeout);
        string? extra = null;
        if (response is not null && isolated && !writeFailed)
        {
            extra = await connection.PeekExtraAsync(ExtraResponseWait, cancellationToken);
        }

        if (failure is not null || writeFailed || response is null || WantsClose(response))
        {
            keepOpen = false;
        }

        if (!keepOpen)
        {
            await connection.DisposeAsync();
            if (ReferenceEquals(connection, _connection))
            {
                _connection = null;
            }
        }

        return new RawOutcome(response, failure, extra, clock.Elapsed) { ClosedSilently = silent, TimedOut = timedOut };
    }

    // A server may answer before reading a whole body and then close: the write fails, the answer stands.
    private static async Task<bool> WriteFailedAsync(Task writing, TimeSpan timeout)
    {
        try
        {
            await writing.WaitAsync(timeout);
            return false;
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or TimeoutException or ObjectDisposedException)
        {
            return true;
        }
    }

    private static bool WantsClose(RawResponse response) =>
        response.Header("Connection") is { } connection && connection.Contains("close", StringComparison.OrdinalIgnoreCase);

    private static string Describe(Exception e) => e switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionReset } => "connection reset by the server",
        IOException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionReset } } => "connection reset by the server",
        InvalidDataException => "malformed response: " + e.Message,
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    private static async Task<RawResponse?> ReadResponseAsync(RawConnection connection, bool isHead, CancellationToken cancellationToken)
    {
        while (true)
        {
            var statusLine = await connection.ReadLineAsync(cancellationToken, atStart: true);
            if (statusLine is null)
            {
                return null;
            }

            var parts = statusLine.Split(' ', 3);
            if (parts.Length < 2 || !parts[0].StartsWith("HTTP/1.", StringComparison.Ordinal)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
            {
                throw new InvalidDataException("bad status line \"" + WireText.Escape(statusLine) + "\"");
            }

            var headers = new List<KeyValuePair<string, string>>();
            while (await connection.ReadLineAsync(cancellationToken) is { Length: > 0 } line)
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    throw new InvalidDataException("bad header line \"" + WireText.Escape(line) + "\"");
                }

                headers.Add(KeyValuePair.Create(line[..colon], line[(colon + 1)..].Trim()));
            }

            if (status is >= 100 and < 200)
            {
                continue;
            }

            var response = new RawResponse(status, parts.Length > 2 ? parts[2] : "", headers, []);
            return response with { Body = await ReadBodyAsync(connection, response, isHead, cancellationToken) };
        }
    }

    private static async Task<byte[]> ReadBodyAsync(RawConnection connection, RawResponse response, bool isHead, CancellationToken cancellationToken)
    {
        if (isHead || response.Status is 204 or 304)
        {
            return [];
        }

        if (response.Header("Transfer-Encoding") is { } encoding && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            using var body = new MemoryStream();
            while (true)
            {
                var sizeLine = await connection.ReadLineAsync(cancellationToken) ?? throw new IOException("connection closed inside a chunked body");
                var sizeText = sizeLine.Split(';')[0].Trim();
                if (!int.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
                {
                    throw new InvalidDataException("bad chunk size \"" + WireText.Escape(sizeLine) + "\"");
                }

                if (size == 0)
                {
                    while (await connection.ReadLineAsync(cancellationToken) is { Length: > 0 })
                    {
                        // Trailers carry nothing the oracle looks at.
                    }

                    return body.ToArray();
                }

                if (body.Length + size > MaxBodyBytes)
                {
                    throw new InvalidDataException("response body larger than the fuzzer reads");
                }

                body.Write(await connection.ReadExactAsync(size, cancellationToken));
                if (await connection.ReadLineAsync(cancellationToken) is not { Length: 0 })
                {
                    throw new InvalidDataException("chunk not followed by CRLF");
                }
            }
        }

        if (response.Header("Content-Length") is { } lengthText)
        {
            if (!long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length > MaxBodyBytes)
            {
                throw new InvalidDataException("bad Content-Length \"" + lengthText + "\"");
            }

            return await connection.ReadExactAsync((int)length, cancellationToken);
        }

        return await connection.ReadToEndAsync(MaxBodyBytes, cancellationToken);
    }
}
