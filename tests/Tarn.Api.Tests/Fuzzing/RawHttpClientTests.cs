using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tarn.Api.Tests.Fuzzing;

/// <summary>
/// The raw client against a fake server on a socket: what it sends is exactly the request's bytes (dot
/// segments included, which HttpClient would remove), and what a misbehaving server does (close without an
/// answer, never answer, answer twice) comes back as the failure the oracle reports.
/// </summary>
public sealed class RawHttpClientTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/v1/repositories/r/branches/%2e%2e")]
    [InlineData("/api/v1/auth/groups/g/members/..")]
    [InlineData("/api/v1/repositories/r/branches/./objects?path=a")]
    [InlineData("/api/v1/repositories/r/metadata/range/a\u00ffb")]
    public async Task The_request_target_reaches_the_wire_byte_for_byte(string target)
    {
        await using var server = FakeServer.Start("HTTP/1.1 204 No Content\r\n\r\n");
        await using var client = new RawHttpClient(server.EndPoint);

        var outcome = await client.SendAsync(Request(target), TimeSpan.FromSeconds(5), Token);

        Assert.Equal(204, outcome.Response?.Status);
        var head = WireText.FromBytes(await server.ReceivedAsync());
        Assert.StartsWith($"GET {target} HTTP/1.1\r\n", head, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_closes_without_answering_is_reported_as_a_dropped_connection()
    {
        await using var server = FakeServer.Start(answer: null);
        await using var client = new RawHttpClient(server.EndPoint);

        var outcome = await client.SendAsync(Request("/api/v1/user"), TimeSpan.FromSeconds(5), Token);
        var violations = new FuzzOracle(new NotImplementedAllowList(new HashSet<string>(), false)).Judge(new FuzzExchange(Request("/api/v1/user"), outcome, []));

        Assert.Null(outcome.Response);
        Assert.Equal(ViolationKind.ConnectionFailure, Assert.Single(violations).Kind);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out()
    {
        await using var server = FakeServer.Start(answer: null, holdOpen: true);
        await using var client = new RawHttpClient(server.EndPoint);

        var outcome = await client.SendAsync(Request("/api/v1/user"), TimeSpan.FromMilliseconds(300), Token);

        Assert.True(outcome.TimedOut);
        Assert.Null(outcome.Response);
    }

    [Fact]
    public async Task A_chunked_answer_is_read_whole_and_a_second_unasked_answer_is_seen()
    {
        await using var server = FakeServer.Start(
            "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"mes\r\n10\r\nsage\":\"bad\"}    \r\n0\r\n\r\n" +
            "HTTP/1.1 204 No Content\r\n\r\n",
            holdOpen: true);
        await using var client = new RawHttpClient(server.EndPoint);
        var smuggling = Request("/api/v1/user") with { RawWire = "GET /api/v1/user HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray() };

        var outcome = await client.SendAsync(smuggling, TimeSpan.FromSeconds(5), Token);

        Assert.Equal(400, outcome.Response?.Status);
        Assert.Equal("bad", outcome.Response?.ErrorMessage);
        Assert.Equal("HTTP/1.1 204 No Content\\r", outcome.ExtraResponse);
    }

    private static FuzzRequest Request(string target) => new() { Index = 1, OperationId = "getCurrentUser", Method = "GET", Target = target };

    /// <summary>Accepts one connection, reads one request head, then answers with fixed bytes (or not at all) and closes (or not).</summary>
    private sealed class FakeServer : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly Task<byte[]> _received;

        private FakeServer(TcpListener listener, string? answer, bool holdOpen)
        {
            _listener = listener;
            _received = ServeAsync(answer, holdOpen);
        }

        public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

        public static FakeServer Start(string? answer, bool holdOpen = false)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return new FakeServer(listener, answer, holdOpen);
        }

        public Task<byte[]> ReceivedAsync() => _received.WaitAsync(TimeSpan.FromSeconds(5));

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            try
            {
                await _received.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException or OperationCanceledException or TimeoutException)
            {
                // The fake's own shutdown; the test already has what it needs.
            }
        }

        private async Task<byte[]> ServeAsync(string? answer, bool holdOpen)
        {
            using var socket = await _listener.AcceptSocketAsync();
            var head = new List<byte>();
            var buffer = new byte[4096];
            while (!Encoding.Latin1.GetString([.. head]).Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await socket.ReceiveAsync(buffer);
                if (read == 0)
                {
                    break;
                }

                head.AddRange(buffer.AsSpan(0, read));
            }

            if (answer is not null)
            {
                await socket.SendAsync(Encoding.Latin1.GetBytes(answer));
            }

            if (holdOpen)
            {
                // Keep the connection until the client gives up (it times out or closes).
                while (await socket.ReceiveAsync(buffer) > 0)
                {
                }
            }

            return [.. head];
        }
    }
}
