using Orleans;
using Actors.Grains.Abstractions.Organizations;

namespace Actors.Grains.Abstractions.Payments;

/// <summary>
/// A paid invoice of a subscription. <paramref name="Plan"/> comes from the subscription's metadata, so
/// an invoice that arrives before the subscription was recorded still names its plan.
/// <paramref name="ForNothing"/>: nothing was charged (a trial's first invoice), so a trial goes on.
/// </summary>
[GenerateSerializer, Immutable, Alias("InvoiceFacts")]
public sealed record InvoiceFacts(string InvoiceId, string SubscriptionId, Plan? Plan, bool ForNothing = false);
