using System.Net;
using System.Net.Sockets;

namespace Actors.Api.Funnel;

/// <summary>An IP address with what identifies a household dropped: the last octet of IPv4, the last 80 bits of IPv6.</summary>
public static class AnonymizedIp
{
    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        var keep = address.AddressFamily == AddressFamily.InterNetwork ? 3 : 6;
        Array.Clear(bytes, keep, bytes.Length - keep);
        return new IPAddress(bytes).ToString();
    }
}
