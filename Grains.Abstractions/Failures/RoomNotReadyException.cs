using Orleans;

namespace Actors.Grains.Abstractions.Failures;

/// <summary>The guest cannot check in: the room is neither clean nor inspected.</summary>
[GenerateSerializer, Alias("RoomNotReadyException")]
public sealed class RoomNotReadyException(string message) : DomainException("room-not-ready", message);
