namespace Actors.Api.Tests.Payments;

/// <summary>The app with only the platform's webhook signing secret configured: no secret key, no prices, no stub.</summary>
public sealed class WebhookSecretOnlyApi : ApiFixture
{
    public const string WebhookSecret = "whsec_only_this_is_configured";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Payments:Stripe:WebhookSecret"] = WebhookSecret,
    };
}
