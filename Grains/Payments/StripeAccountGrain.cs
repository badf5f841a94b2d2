using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Payments;
using Orleans;
using Orleans.Runtime;

namespace Actors.Grains.Payments;

/// <summary>
/// An organization's own Stripe keys. Kept as the rest of the state is (a follow-up should encrypt them
/// at rest); read on every payment, so a change applies to the next one.
/// </summary>
[GrainType("stripe-account")]
internal sealed class StripeAccountGrain(
    [PersistentState("stripeAccount")] IPersistentState<StripeAccountState> account) : Grain, IStripeAccountGrain
{
    public Task<StripeAccountKeys?> Find() => Task.FromResult(account.State.Keys);

    public async Task Connect(StripeAccountKeys keys)
    {
        var errors = new FieldErrors();
        if (errors.Required(keys.SecretKey, "secretKey") && !(keys.SecretKey.StartsWith("sk_", StringComparison.Ordinal) || keys.SecretKey.StartsWith("rk_", StringComparison.Ordinal)))
        {
            errors.Add("secretKey", "Not a Stripe secret or restricted key (sk_... or rk_...).");
        }

        if (errors.Required(keys.WebhookSecret, "webhookSecret") && !keys.WebhookSecret.StartsWith("whsec_", StringComparison.Ordinal))
        {
            errors.Add("webhookSecret", "Not a Stripe webhook signing secret (whsec_...).");
        }

        errors.ThrowIfAny();
        if (account.State.Keys != keys)
        {
            account.State.Keys = keys;
            await account.WriteStateAsync();
        }
    }

    public async Task Disconnect()
    {
        if (account.State.Keys is not null)
        {
            account.State.Keys = null;
            await account.WriteStateAsync();
        }
    }
}
