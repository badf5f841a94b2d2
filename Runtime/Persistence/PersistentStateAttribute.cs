namespace Actors.Runtime;

/// <summary>Marks a grain constructor parameter of type IPersistentState&lt;T&gt; to be loaded and persisted by the runtime.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName) : Attribute
{
    public string StateName { get; } = stateName;
}
