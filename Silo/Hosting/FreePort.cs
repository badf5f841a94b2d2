using System.Net;
using System.Net.Sockets;

namespace Actors.Silo.Hosting;

/// <summary>
/// A port free right now. Orleans needs its ports before it binds them; nodes find each other through
/// the membership table, so any free port works where the operator fixes none.
/// </summary>
internal static class FreePort
{
    public static int Or(int configured)
    {
        if (configured != 0)
        {
            return configured;
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
