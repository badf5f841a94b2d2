using Actors.Grains.Abstractions.Payments;
using Orleans;
using Orleans.Runtime;

namespace Actors.Grains.Payments;

/// <summary>
/// Exactly-once for one Stripe event. The grain's turns are one at a time, so of two racing deliveries
/// one claims and the other waits; the claim lives in memory only, so claiming and replays write
/// nothing. If the grain moves (its silo died) the claim is lost and a second delivery may run the same
/// work again, which is why every step of the work is itself safe to repeat.
/// </summary>
[GrainType("stripe-event")]
internal sealed class StripeEventGrain(
    [PersistentState("stripeEvent")] IPersistentState<StripeEventState> stripeEvent,
    TimeProvider time) : Grain, IStripeEventGrain
{
    private string? holder;
    private DateTimeOffset leaseEnds;

    private StripeEventState State => stripeEvent.State;

    public Task<WebhookClaim> Claim(string claimant, TimeSpan lease)
    {
        if (State.Processed)
        {
            return Task.FromResult(WebhookClaim.Done);
        }

        var now = time.GetUtcNow();
        if (holder is not null && holder != claimant && now < leaseEnds)
        {
            return Task.FromResult(WebhookClaim.Busy);
        }

        holder = claimant;
        leaseEnds = now + lease;
        return Task.FromResult(WebhookClaim.Granted);
    }

    public async Task Complete(string claimant, string type, string outcome)
    {
        if (!State.Processed)
        {
            State.Processed = true;
            State.Type = type;
            State.Outcome = outcome;
            State.ProcessedAt = time.GetUtcNow();
            await stripeEvent.WriteStateAsync();
        }

        holder = null;
    }

    public Task Release(string claimant)
    {
        if (holder == claimant)
        {
            holder = null;
        }

        return Task.CompletedTask;
    }

    public Task<ProcessedEvent?> Find() =>
        Task.FromResult(State.Processed ? new ProcessedEvent(State.Type, State.Outcome, State.ProcessedAt) : null);
}
