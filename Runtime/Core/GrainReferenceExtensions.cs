using Actors.Runtime.Invocation;

namespace Actors.Runtime;

public static class GrainReferenceExtensions
{
    /// <summary>The identity behind a grain reference or a grain.</summary>
    public static GrainId GetGrainId(this IAddressable grain) => grain switch
    {
        GrainProxy proxy => proxy.GrainId,
        Grain instance => instance.GrainId,
        _ => throw new ArgumentException("Not a grain or a grain reference.", nameof(grain)),
    };

    public static string GetPrimaryKeyString(this IAddressable grain) => grain.GetGrainId().Key;
}
