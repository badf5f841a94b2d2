using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace Actors.OrleansSql.Tests;

/// <summary>
/// Orleans binds the state name, not the grain type, as @GrainTypeString, so two grain classes
/// with the same state name and key would share a row. Prefixing the state name with the grain
/// type before it reaches the ADO.NET provider keeps them apart (and readable in state_name).
/// </summary>
public sealed class GrainTypeScopedStorage(IGrainStorage inner) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(Scoped(stateName, grainId), grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.WriteStateAsync(Scoped(stateName, grainId), grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(Scoped(stateName, grainId), grainId, grainState);

    private static string Scoped(string stateName, GrainId grainId) => $"{grainId.Type}/{stateName}";
}
