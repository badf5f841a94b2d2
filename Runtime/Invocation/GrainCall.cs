namespace Actors.Runtime.Invocation;

/// <summary>
/// A request to a grain. Locally the arguments travel as they are (they are immutable records);
/// across silos the transport serializes them by the method's declared parameter types.
/// </summary>
internal sealed record GrainCall(GrainId Target, GrainMethod Method, object?[] Arguments);
