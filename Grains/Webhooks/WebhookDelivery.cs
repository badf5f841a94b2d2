using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Webhooks;

/// <summary>The HTTP client that delivers webhooks, with the options from the "Webhooks" section.</summary>
public static class WebhookDelivery
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>()
            .BindConfiguration(WebhookOptions.Section)
            .Validate(o => o.RetryDelays.All(d => d > TimeSpan.Zero && d <= TimeSpan.FromDays(3)), "Webhooks:RetryDelays must each be from 0 to 3 days.")
            .Validate(o => o.Timeout > TimeSpan.Zero && o.Timeout <= TimeSpan.FromMinutes(1), "Webhooks:Timeout must be from 0 to 1 minute.")
            .ValidateOnStart();
        services.AddHttpClient(WebhookEndpointGrain.HttpClientName, (sp, client) => client.Timeout = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectCallback = Guarded(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateNetworks),
            });
        return services;
    }

    // The address is checked where the connection is made, after DNS: a name that resolves to the
    // platform's own network is refused however the URL was written.
    private static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Guarded(bool allowPrivate) => async (context, cancellationToken) =>
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
        var allowed = addresses.Where(a => allowPrivate || IsPublic(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"{context.DnsEndPoint.Host} is not a public address; webhooks are only sent to public addresses (Webhooks:AllowPrivateNetworks).");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    };

    private static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal)
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        return address.AddressFamily != AddressFamily.InterNetwork || bytes[0] switch
        {
            0 or 10 or 127 => false,
            100 => bytes[1] is < 64 or > 127,
            169 => bytes[1] != 254,
            172 => bytes[1] is < 16 or > 31,
            192 => bytes[1] != 168,
            _ => true,
        };
    }
}
