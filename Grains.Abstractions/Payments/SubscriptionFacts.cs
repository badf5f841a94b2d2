using Orleans;
using Actors.Grains.Abstractions.Organizations;

namespace Actors.Grains.Abstractions.Payments;

/// <summary>
/// A subscription Stripe created for a plan; <paramref name="Paid"/> when Stripe already reports it active
/// or trialing, and <paramref name="TrialEnd"/> when it started with a trial.
/// </summary>
[GenerateSerializer, Immutable, Alias("SubscriptionFacts")]
public sealed record SubscriptionFacts(string Id, Plan Plan, bool Paid, DateTimeOffset? TrialEnd = null);
