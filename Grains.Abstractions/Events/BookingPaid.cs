using Orleans;

namespace Actors.Grains.Abstractions.Events;

/// <summary>A payment for the booking came in: <paramref name="Amount"/> of it, <paramref name="Paid"/> in all so far.</summary>
[GenerateSerializer, Immutable, Alias("BookingPaid")]
public sealed record BookingPaid(string BookingId, string PropertyId, string RoomId, decimal Amount, string Currency, decimal Paid);
