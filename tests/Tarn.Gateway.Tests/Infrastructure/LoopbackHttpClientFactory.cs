using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;

namespace Tarn.Gateway.Tests.Infrastructure;

/// <summary>HTTP clients for the SDK that connect every host name to 127.0.0.1:port (a hosts-file override).</summary>
public sealed class LoopbackHttpClientFactory(int port) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler);
    }
}
