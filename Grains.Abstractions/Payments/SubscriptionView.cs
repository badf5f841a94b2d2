using Orleans;
using Actors.Grains.Abstractions.Organizations;

namespace Actors.Grains.Abstractions.Payments;

/// <summary>A Stripe subscription to a plan and where it stands.</summary>
[GenerateSerializer, Immutable, Alias("SubscriptionView")]
public sealed record SubscriptionView(string Id, Plan Plan, SubscriptionStatus Status);
