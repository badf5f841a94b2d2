namespace Actors.Api.Tests.Mail;

/// <summary>Reset links that expire a second after they are mailed.</summary>
public sealed class ShortResetLinkApi : MailedApi
{
    protected override IReadOnlyDictionary<string, string?> MoreSettings => new Dictionary<string, string?>
    {
        ["Accounts:ResetLinkLifetime"] = "00:00:01",
    };
}
