using System.Net;
using System.Net.Sockets;

namespace Cooperation.Tests.Support;

/// <summary>Loopback ports for servers a test starts.</summary>
public static class Ports
{
    /// <summary>A loopback port free right now.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
