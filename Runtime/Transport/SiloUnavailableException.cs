namespace Actors.Runtime;

/// <summary>The silo that owns the grain could not be reached, or went away during the call. The call may or may not have run.</summary>
public sealed class SiloUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
