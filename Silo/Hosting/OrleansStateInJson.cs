using System.Text.Json;
using Orleans.Serialization;
using Orleans.Storage;

namespace Actors.Silo.Hosting;

/// <summary>
/// Orleans' own state (the stream rendezvous grains' subscriptions) in Orleans' binary format,
/// wrapped as a JSON string because our grain-state column is jsonb. System.Text.Json writes that
/// state but cannot read it back (PubSubPublisherState has no constructor it can bind), which lost
/// every subscription of a rendezvous grain that moved after a silo died.
/// </summary>
internal sealed class OrleansStateInJson(Serializer serializer) : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) =>
        new(JsonSerializer.SerializeToUtf8Bytes(new Wrapped(Convert.ToBase64String(serializer.SerializeToArray(input)))));

    public T? Deserialize<T>(BinaryData input) =>
        serializer.Deserialize<T>(Convert.FromBase64String(JsonSerializer.Deserialize<Wrapped>(input.ToMemory().Span)!.Orleans));

    private sealed record Wrapped(string Orleans);
}
