using Orleans;

namespace Actors.Grains.Abstractions.Events;

/// <summary>The guest never arrived; the room is freed and <paramref name="Fee"/> is charged.</summary>
[GenerateSerializer, Immutable, Alias("GuestNoShow")]
public sealed record GuestNoShow(string BookingId, string PropertyId, string RoomId, DateOnly CheckIn, DateOnly CheckOut, decimal Fee);
