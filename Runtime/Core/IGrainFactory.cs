namespace Actors.Runtime;

/// <summary>Hands out references to grains; a reference is cheap and the grain is activated on its first call.</summary>
public interface IGrainFactory
{
    TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey;

    TGrain GetGrain<TGrain>(Guid key) where TGrain : IGrainWithGuidKey;

    /// <summary>A reference by raw identity, for the runtime's own use (reminders, streams, transport).</summary>
    TGrain GetGrain<TGrain>(GrainId id) where TGrain : IAddressable;
}
