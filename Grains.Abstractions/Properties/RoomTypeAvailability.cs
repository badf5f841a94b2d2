using Orleans;

namespace Actors.Grains.Abstractions.Properties;

/// <summary>How many rooms of a type are free for every night of the stay, and what the stay costs in that type.</summary>
[GenerateSerializer, Immutable, Alias("RoomTypeAvailability")]
public sealed record RoomTypeAvailability(string RoomType, string Name, int FreeRooms, Quote Quote, int MaxOccupancy = StayLimits.DefaultMaxOccupancy);
