using Orleans;

namespace Actors.Persistence.State;

/// <summary>
/// Marks a grain constructor parameter of type <see cref="IOutboxState{TState}"/>: Orleans creates it
/// for each activation and loads it before <c>OnActivateAsync</c>, as it does for <c>[PersistentState]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class OutboxStateAttribute(string stateName) : Attribute, IFacetMetadata
{
    public string StateName { get; } = stateName;
}
