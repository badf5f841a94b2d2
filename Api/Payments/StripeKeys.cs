using Actors.Grains.Abstractions.Payments;
using Orleans;
using Microsoft.Extensions.Options;

namespace Actors.Api.Payments;

/// <summary>Which Stripe key opens which account: the platform's from configuration, an organization's own from its grain.</summary>
public sealed class StripeKeys(IGrainFactory grains, IOptions<StripeOptions> options)
{
    public StripeKey Platform() =>
        options.Value.SecretKey is { Length: > 0 } key
            ? new StripeKey(PaymentAccounts.Platform, key)
            : throw PaymentFailedException.NotConfigured("no Stripe secret key is configured");

    /// <summary>The account an organization's guests pay into: its own when it brought one, the platform's otherwise.</summary>
    public async Task<StripeKey> ForGuestsOfAsync(string org) =>
        await grains.GetGrain<IStripeAccountGrain>(org).Find() is { } own
            ? new StripeKey(PaymentAccounts.Of(org), own.SecretKey)
            : Platform();

    /// <summary>The key of the account a payment lives in, for refunds: money goes back the way it came.</summary>
    public async Task<StripeKey> ForAccountAsync(string account)
    {
        if (PaymentAccounts.OrganizationOf(account) is not { } org)
        {
            return Platform();
        }

        return await grains.GetGrain<IStripeAccountGrain>(org).Find() is { } own
            ? new StripeKey(account, own.SecretKey)
            : throw PaymentFailedException.NotConfigured("the organization's own Stripe account, which took this payment, was disconnected");
    }

    /// <summary>The signing secret of the account's webhook endpoint, or null when it has none.</summary>
    public async Task<string?> WebhookSecretAsync(string account) =>
        PaymentAccounts.OrganizationOf(account) is { } org
            ? (await grains.GetGrain<IStripeAccountGrain>(org).Find())?.WebhookSecret
            : options.Value.WebhookSecret;
}
