using System.Reflection;

namespace Actors.Runtime.Invocation;

/// <summary>A grain reference: turns each interface call into a <see cref="GrainCall"/> and routes it.</summary>
public class GrainProxy : DispatchProxy
{
    private IGrainCallRouter router = null!;

    public GrainId GrainId { get; private set; }

    internal static TGrain Create<TGrain>(GrainId id, IGrainCallRouter router)
    {
        var proxy = Create<TGrain, GrainProxy>();
        var self = (GrainProxy)(object)proxy!;
        self.GrainId = id;
        self.router = router;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var method = GrainMethod.For(targetMethod);
        return method.AdaptResult(router.InvokeAsync(new GrainCall(GrainId, method, args ?? [])));
    }

    public override string ToString() => GrainId.ToString();
}
