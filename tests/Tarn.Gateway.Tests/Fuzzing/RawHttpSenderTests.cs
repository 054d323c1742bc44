using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>
/// The raw sender against a fake server on a real socket: what it puts on the wire is exactly what the case
/// built (dot segments, broken framing and all), and every way a server can fail to answer is told apart.
/// </summary>
public sealed class RawHttpSenderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_bytes_on_the_wire_are_the_bytes_built_dot_segments_and_broken_framing_included()
    {
        var request = new RawHttpRequest
        {
            Method = "PUT",
            Target = "/repo/main/dir/%2e%2e/./../keep.txt?uploadId=%zz&&x",
            Headers = [("Host", "127.0.0.1:1"), ("x-amz-meta-raw", "\u00ff\u00c3\u0028")],
            Body = Encoding.ASCII.GetBytes("zz;chunk-signature=nothex\r\nabc\n0\r\n"),
        };
        var expected = request.ToBytes();
        byte[]? received = null;

        await using var server = FakeServer.Start(async socket =>
        {
            received = await ReadAsync(socket, expected.Length);
            await socket.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"u8.ToArray(), SocketFlags.None);
        });
        var exchange = await server.Sender().SendAsync(request, null, Ct);

        Assert.Equal(ExchangeOutcome.Answered, exchange.Outcome);
        Assert.Equal(expected, received);
        Assert.StartsWith("PUT /repo/main/dir/%2e%2e/./../keep.txt?uploadId=%zz&&x HTTP/1.1\r\n", Encoding.Latin1.GetString(received!), StringComparison.Ordinal);
        Assert.Contains("x-amz-meta-raw: \u00ff\u00c3\u0028\r\n", Encoding.Latin1.GetString(received!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interim_100_Continue_is_skipped_and_a_chunked_answer_is_read_whole()
    {
        await using var server = FakeServer.Start(socket => socket.SendAsync(
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"u8.ToArray(), SocketFlags.None));

        var exchange = await server.Sender().SendAsync(Get(), null, Ct);

        Assert.Equal((404, "abcde"), (exchange.Response!.Status, exchange.Response.BodyText));
    }

    [Fact]
    public async Task A_reset_before_the_answer_is_a_reset() =>
        Assert.Equal(ExchangeOutcome.Reset, (await Against(socket =>
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
            return Task.CompletedTask;
        })).Outcome);

    [Fact]
    public async Task A_close_before_the_answer_is_complete_is_a_drop() =>
        Assert.Equal(ExchangeOutcome.ClosedEarly, (await Against(async socket =>
        {
            await socket.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"u8.ToArray(), SocketFlags.None);
            socket.Shutdown(SocketShutdown.Both);
        })).Outcome);

    [Fact]
    public async Task Silence_is_a_timeout() =>
        Assert.Equal(ExchangeOutcome.TimedOut, (await Against(_ => Task.Delay(TimeSpan.FromSeconds(1.5)), TimeSpan.FromMilliseconds(300))).Outcome);

    [Fact]
    public async Task Bytes_that_are_not_HTTP_are_garbled() =>
        Assert.Equal(ExchangeOutcome.Garbled, (await Against(socket => socket.SendAsync("SSH-2.0-nope\r\n\r\n"u8.ToArray(), SocketFlags.None))).Outcome);

    private static async Task<RawHttpExchange> Against(Func<Socket, Task> behaviour, TimeSpan? timeout = null)
    {
        await using var server = FakeServer.Start(async socket =>
        {
            await ReadAsync(socket, Get().ToBytes().Length);
            await behaviour(socket);
        });
        return await server.Sender(timeout).SendAsync(Get(), null, Ct);
    }

    private static RawHttpRequest Get() => new() { Method = "GET", Target = "/repo", Headers = [("Host", "127.0.0.1:1")] };

    private static async Task<byte[]> ReadAsync(Socket socket, int count)
    {
        var buffer = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return buffer[..read];
    }

    /// <summary>A loopback listener that handles one connection with the given behaviour.</summary>
    private sealed class FakeServer : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly Task _serving;

        private FakeServer(TcpListener listener, Func<Socket, Task> behaviour)
        {
            _listener = listener;
            _serving = Task.Run(async () =>
            {
                using var socket = await listener.AcceptSocketAsync();
                await behaviour(socket);
            });
        }

        public static FakeServer Start(Func<Socket, Task> behaviour)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return new FakeServer(listener, behaviour);
        }

        public RawHttpSender Sender(TimeSpan? timeout = null) =>
            new((IPEndPoint)_listener.LocalEndpoint, timeout ?? TimeSpan.FromSeconds(10));

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            await Task.WhenAny(_serving, Task.Delay(TimeSpan.FromSeconds(6)));
        }
    }
}
