namespace Actors.Api.Tests.Mail;

/// <summary>The real app with its Mail settings pointing at the test run's SMTP server.</summary>
public class MailedApi : ApiFixture
{
    public static MailCatcher Mails => MailCatcher.Shared;

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>(Mails.Settings);
            foreach (var (key, value) in MoreSettings)
            {
                settings[key] = value;
            }

            return settings;
        }
    }

    protected virtual IReadOnlyDictionary<string, string?> MoreSettings => new Dictionary<string, string?>();
}
