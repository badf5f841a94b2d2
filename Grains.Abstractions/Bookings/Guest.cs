using Orleans;

namespace Actors.Grains.Abstractions.Bookings;

/// <summary>Who stays: the name on the booking and where to reach them.</summary>
[GenerateSerializer, Immutable, Alias("Guest")]
public sealed record Guest(string Name, string Email);
