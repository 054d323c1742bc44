using System.Net;
using System.Net.Sockets;

namespace Tarn.Load.Server;

/// <summary>Finds a loopback port nobody listens on (the OS picks it; a tiny race with other programs is accepted).</summary>
internal static class FreePort
{
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
