using Actors.Api.Auth;
using Microsoft.Extensions.Options;

namespace Actors.Api.Mail;

/// <summary>
/// Absolute links for mails: under Mail:LinkBase when set, else under the scheme and host of the
/// request being served. Anyone can send any Host header, and a reset link pointing at a host of their
/// choosing would hand them the token, so with Tenancy:BaseHost set a host outside it is not believed.
/// </summary>
public sealed class MailLinks(IOptions<MailOptions> options, IOptions<TenancyOptions> tenancy, IHttpContextAccessor http)
{
    public Uri To(string pathAndFragment)
    {
        var root = options.Value.LinkBase?.ToString().TrimEnd('/') ?? RequestRoot();
        return new Uri(root + pathAndFragment);
    }

    private string RequestRoot()
    {
        var request = http.HttpContext?.Request
            ?? throw new InvalidOperationException("A mail link outside a request needs Mail:LinkBase.");
        var host = request.Host.Value ?? "localhost";
        if (tenancy.Value.BaseHost is { Length: > 0 } baseHost && !IsUnder(request.Host.Host, baseHost))
        {
            host = baseHost;
        }

        return $"{request.Scheme}://{host}{request.PathBase}";
    }

    private static bool IsUnder(string host, string baseHost) =>
        host.Equals(baseHost, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + baseHost, StringComparison.OrdinalIgnoreCase);
}
