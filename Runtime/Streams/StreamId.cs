namespace Actors.Runtime.Streams;

/// <summary>Names a stream: a namespace (what kind of events) and a key (whose events), e.g. ("property", "org/hotel").</summary>
public readonly record struct StreamId(string Namespace, string Key)
{
    public static StreamId Create(string streamNamespace, string key) => new(streamNamespace, key);

    public override string ToString() => $"{Namespace}/{Key}";
}
