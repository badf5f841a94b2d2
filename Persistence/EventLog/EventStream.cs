using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Orleans;
using Orleans.Runtime;

namespace Actors.Persistence.EventLog;

/// <summary>Names a stream: a namespace (what kind of events) and a key (whose events), e.g. ("property", "org/hotel").</summary>
[GenerateSerializer, Immutable, Alias("EventStream")]
public readonly record struct EventStream([property: Id(0)] string Namespace, [property: Id(1)] string Key)
{
    public static EventStream Create(string streamNamespace, string key) => new(streamNamespace, key);

    public static EventStream From(StreamId id) => new(id.GetNamespace() ?? "", id.GetKeyAsString());

    /// <summary>The Orleans stream that carries this stream's events.</summary>
    public StreamId ToStreamId() => StreamId.Create(Namespace, Key);

    /// <summary>
    /// The first 32 bits of md5("namespace/key"): the same number PostgreSQL stores in
    /// event_streams.partition_hash, so both sides agree on which queue a stream belongs to.
    /// </summary>
    public int PartitionHash => BinaryPrimitives.ReadInt32BigEndian(MD5.HashData(Encoding.UTF8.GetBytes($"{Namespace}/{Key}")));

    /// <summary>Which of <paramref name="partitions"/> queues carries this stream.</summary>
    public int Partition(int partitions) => (PartitionHash & int.MaxValue) % partitions;

    public override string ToString() => $"{Namespace}/{Key}";
}
