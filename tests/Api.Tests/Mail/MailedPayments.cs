using Actors.Api.Tests.Payments;

namespace Actors.Api.Tests.Mail;

/// <summary>The Stripe-shaped stub and the test SMTP server together.</summary>
public sealed class MailedPayments : PaymentsFixture
{
    protected override IReadOnlyDictionary<string, string?> MoreSettings => MailedApi.Mails.Settings;
}
