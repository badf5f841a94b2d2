using System.Reflection;

namespace Actors.Runtime.Activation;

/// <summary>
/// Which class implements each grain interface, and the stable type name that goes into grain
/// identities and storage rows. The same assemblies give the same names on every silo.
/// </summary>
public sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, string> typeNames = [];
    private readonly Dictionary<string, Type> implementations = [];

    public void AddAssembly(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(Grain))))
        {
            foreach (var contract in type.GetInterfaces().Where(IsGrainInterface))
            {
                Add(contract, type);
            }
        }
    }

    public void Add(Type grainInterface, Type implementation)
    {
        var name = NameOf(grainInterface);
        if (implementations.TryGetValue(name, out var existing) && existing != implementation)
        {
            throw new InvalidOperationException($"Grain type '{name}' is implemented by both {existing} and {implementation}.");
        }

        typeNames[grainInterface] = name;
        implementations[name] = implementation;
    }

    public string TypeNameOf(Type grainInterface) =>
        typeNames.TryGetValue(grainInterface, out var name)
            ? name
            : throw new InvalidOperationException($"No grain class implements {grainInterface.FullName}. Was its assembly added to the silo?");

    public Type ImplementationOf(string typeName) =>
        implementations.TryGetValue(typeName, out var type)
            ? type
            : throw new InvalidOperationException($"Unknown grain type '{typeName}'.");

    public bool IsKnown(string typeName) => implementations.ContainsKey(typeName);

    /// <summary>Every grain interface hosted here, plus the runtime's own grain-facing ones.</summary>
    public IEnumerable<Type> Interfaces => typeNames.Keys.Append(typeof(IRemindable));

    // The runtime's own grain-facing interfaces (IRemindable, the key markers) are shared by many grains.
    private static bool IsGrainInterface(Type type) =>
        typeof(IGrain).IsAssignableFrom(type) && type.Assembly != typeof(IGrain).Assembly;

    // "IRoomGrain" -> "RoomGrain": short, readable in the database, stable while the interface keeps its name.
    private static string NameOf(Type grainInterface) =>
        grainInterface.Name.Length > 1 && grainInterface.Name[0] == 'I' && char.IsUpper(grainInterface.Name[1])
            ? grainInterface.Name[1..]
            : grainInterface.Name;
}
