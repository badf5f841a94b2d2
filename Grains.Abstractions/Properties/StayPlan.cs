using Orleans;

namespace Actors.Grains.Abstractions.Properties;

/// <summary>
/// The property's answer to a stay request: the rooms to try in order, the price, and the rules the
/// booking keeps from now on (time zone, cancellation policy), as the guest agreed to them.
/// </summary>
[GenerateSerializer, Immutable, Alias("StayPlan")]
public sealed record StayPlan(IReadOnlyList<string> Rooms, Quote Quote, string TimeZone, CancellationPolicy Cancellation);
