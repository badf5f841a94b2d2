using Orleans;

namespace Actors.Grains.Abstractions.Rooms;

/// <summary>One booking's nights [CheckIn, CheckOut) in a room's calendar; a hold lapses at <paramref name="HoldUntil"/>.</summary>
[GenerateSerializer, Immutable, Alias("RoomStay")]
public sealed record RoomStay(string BookingId, DateOnly CheckIn, DateOnly CheckOut, StayKind Kind, DateTimeOffset? HoldUntil);
