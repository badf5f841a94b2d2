namespace Actors.Runtime;

/// <summary>The identity of a grain: its type name (from its interface) and its key.</summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";

    public static string KeyOf(Guid key) => key.ToString("N");
}
