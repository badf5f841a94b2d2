using Orleans;

namespace Actors.Grains.Abstractions.Properties;

/// <summary>Room types of a property that sleep <paramref name="Guests"/>, with their free rooms for the nights [CheckIn, CheckOut) and prices.</summary>
[GenerateSerializer, Immutable, Alias("AvailabilityView")]
public sealed record AvailabilityView(string PropertyId, DateOnly CheckIn, DateOnly CheckOut, string Currency, IReadOnlyList<RoomTypeAvailability> RoomTypes, int Guests = 1);
