using Orleans;
using Actors.Grains.Abstractions.Organizations;

namespace Actors.Grains.Abstractions.Payments;

/// <summary>
/// A subscription as Stripe reports it now (read back from Stripe, not from the event, since events come
/// out of order): its status, its plan from the metadata, and its trial's end.
/// </summary>
[GenerateSerializer, Immutable, Alias("SubscriptionUpdate")]
public sealed record SubscriptionUpdate(string Id, Plan? Plan, SubscriptionStatus Status, DateTimeOffset? TrialEnd);
