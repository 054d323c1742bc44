using System.Net;
using System.Net.Sockets;

namespace Tarn.Server.Tests.Cli;

/// <summary>A port on 127.0.0.1 that was free a moment ago (bound to port 0, then released).</summary>
internal static class LoopbackPort
{
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
