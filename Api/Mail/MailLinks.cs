using Microsoft.Extensions.Options;

namespace Actors.Api.Mail;

/// <summary>
/// Absolute links for mails: under Mail:LinkBase when set, else under the scheme and host of the
/// request being served (the address the person who caused the mail used).
/// </summary>
public sealed class MailLinks(IOptions<MailOptions> options, IHttpContextAccessor http)
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
        return $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}
