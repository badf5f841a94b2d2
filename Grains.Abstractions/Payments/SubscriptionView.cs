using Orleans;
using Actors.Grains.Abstractions.Organizations;

namespace Actors.Grains.Abstractions.Payments;

/// <summary>
/// A Stripe subscription to a plan and where it stands: when a trial ends, and while past due, when the
/// grace ends after which the free plan's limits apply.
/// </summary>
[GenerateSerializer, Immutable, Alias("SubscriptionView")]
public sealed record SubscriptionView(string Id, Plan Plan, SubscriptionStatus Status, DateTimeOffset? TrialEnd = null, DateTimeOffset? GraceEnds = null);
