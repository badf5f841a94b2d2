using System.Collections.Frozen;
using Actors.Runtime.Activation;
using Actors.Runtime.Invocation;

namespace Actors.Runtime.Transport;

/// <summary>Finds a grain method by the name a call carries across the wire.</summary>
internal sealed class GrainMethodDirectory(GrainTypeRegistry types)
{
    private FrozenDictionary<string, GrainMethod>? byName;

    public GrainMethod Find(string name)
    {
        byName ??= types.Interfaces
            .SelectMany(i => i.GetInterfaces().Append(i))
            .Where(i => typeof(IGrain).IsAssignableFrom(i))
            .SelectMany(i => i.GetMethods())
            .Select(GrainMethod.For)
            .DistinctBy(m => m.Name)
            .ToFrozenDictionary(m => m.Name, StringComparer.Ordinal);
        return byName.TryGetValue(name, out var method)
            ? method
            : throw new InvalidOperationException($"No grain method named {name} is hosted here.");
    }
}
