using Orleans;

namespace Actors.Grains.Abstractions.Events;

/// <summary>Money paid for the booking went back to the guest: <paramref name="Amount"/> of it, leaving <paramref name="Paid"/>.</summary>
[GenerateSerializer, Immutable, Alias("BookingRefunded")]
public sealed record BookingRefunded(string BookingId, string PropertyId, string RoomId, decimal Amount, string Currency, decimal Paid);
