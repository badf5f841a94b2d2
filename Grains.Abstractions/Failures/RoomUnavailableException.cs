using Orleans;

namespace Actors.Grains.Abstractions.Failures;

/// <summary>The room is not free for some of the requested nights, is out of order or retired.</summary>
[GenerateSerializer, Alias("RoomUnavailableException")]
public sealed class RoomUnavailableException(string message) : DomainException("room-unavailable", message);
