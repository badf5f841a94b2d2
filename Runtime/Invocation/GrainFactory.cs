using Actors.Runtime.Activation;

namespace Actors.Runtime.Invocation;

internal sealed class GrainFactory(GrainTypeRegistry types, IGrainCallRouter router) : IGrainFactory
{
    public TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return GrainProxy.Create<TGrain>(new GrainId(types.TypeNameOf(typeof(TGrain)), key), router);
    }

    public TGrain GetGrain<TGrain>(Guid key) where TGrain : IGrainWithGuidKey =>
        GrainProxy.Create<TGrain>(new GrainId(types.TypeNameOf(typeof(TGrain)), GrainId.KeyOf(key)), router);

    public TGrain GetGrain<TGrain>(GrainId id) where TGrain : IAddressable => GrainProxy.Create<TGrain>(id, router);
}
