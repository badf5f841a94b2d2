namespace Actors.Persistence.EventLog;

/// <summary>Names a stream: a namespace (what kind of events) and a key (whose events), e.g. ("property", "org/hotel").</summary>
public readonly record struct EventStream(string Namespace, string Key)
{
    public static EventStream Create(string streamNamespace, string key) => new(streamNamespace, key);

    public override string ToString() => $"{Namespace}/{Key}";
}
