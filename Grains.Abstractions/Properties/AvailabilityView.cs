using Orleans;

namespace Actors.Grains.Abstractions.Properties;

/// <summary>Free room types of a property for the nights [CheckIn, CheckOut), with their prices.</summary>
[GenerateSerializer, Immutable, Alias("AvailabilityView")]
public sealed record AvailabilityView(string PropertyId, DateOnly CheckIn, DateOnly CheckOut, string Currency, IReadOnlyList<RoomTypeAvailability> RoomTypes);
