using Orleans;

namespace Actors.Grains.Abstractions.Failures;

/// <summary>
/// A request the domain refuses. Each subclass is one kind of refusal with a stable problem name,
/// which the API turns into a problem type URI and status code in one place.
/// </summary>
[GenerateSerializer, Alias("DomainException")]
public abstract class DomainException(string problem, string message) : Exception(message)
{
    /// <summary>Stable name of the failure, e.g. "room-unavailable"; never reworded once published.</summary>
    [Id(0)]
    public string Problem { get; } = problem;
}
