using Orleans;

namespace Actors.Grains.Abstractions.Payments;

/// <summary>
/// One Stripe event (key: "account/eventId"), so it is processed once however often Stripe delivers it.
/// A delivery claims the event, does its work and completes it; a claim is a lease, so a delivery that
/// died lets the next one in after the lease ends. Only completion is written down.
/// </summary>
[Alias("IStripeEventGrain")]
public interface IStripeEventGrain : IGrainWithStringKey
{
    /// <summary>Done if the event was processed, Busy while another delivery holds it, otherwise Granted to this claimant for the lease.</summary>
    Task<WebhookClaim> Claim(string claimant, TimeSpan lease);

    /// <summary>Records the event as processed, with what it did; later claims get Done.</summary>
    Task Complete(string claimant, string type, string outcome);

    /// <summary>Gives the claim up after a failure, so Stripe's next delivery need not wait for the lease.</summary>
    Task Release(string claimant);

    /// <summary>Returns what processing did, or null when the event was not processed.</summary>
    Task<ProcessedEvent?> Find();
}
