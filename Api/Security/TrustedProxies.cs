using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Actors.Api.Security;

/// <summary>
/// Behind a load balancer every request comes from the balancer's address, so rate limits and the
/// audit log would see one client. Forwarded headers are believed only from the proxies an operator
/// lists ("ForwardedHeaders:KnownProxies", "ForwardedHeaders:KnownNetworks"); with none listed they are
/// ignored, so a client cannot pick its own address by sending X-Forwarded-For.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection($"{Section}:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the nearest proxy's word counts; the framework's default of trusting loopback is dropped.
            options.ForwardLimit = 1;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, so everything after it sees the client's address and scheme.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        var configured = app.Configuration.GetSection($"{Section}:KnownProxies").Exists()
            || app.Configuration.GetSection($"{Section}:KnownNetworks").Exists();
        if (configured)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
