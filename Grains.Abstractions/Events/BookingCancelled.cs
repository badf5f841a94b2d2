using Orleans;

namespace Actors.Grains.Abstractions.Events;

/// <summary>A booking was cancelled and its room freed; <paramref name="Fee"/> is what the policy charges.</summary>
[GenerateSerializer, Immutable, Alias("BookingCancelled")]
public sealed record BookingCancelled(string BookingId, string PropertyId, string RoomId, DateOnly CheckIn, DateOnly CheckOut, decimal Fee);
