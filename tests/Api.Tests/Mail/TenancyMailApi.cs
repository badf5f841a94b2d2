namespace Actors.Api.Tests.Mail;

/// <summary>Mail to the test SMTP server, with organizations as subdomains of "stays.test" and no Mail:LinkBase.</summary>
public sealed class TenancyMailApi : MailedApi
{
    public const string BaseHost = "stays.test";

    protected override IReadOnlyDictionary<string, string?> MoreSettings => new Dictionary<string, string?>
    {
        ["Tenancy:BaseHost"] = BaseHost,
    };
}
