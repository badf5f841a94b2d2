using System.Collections.Concurrent;

namespace Actors.Runtime.TestHost;

/// <summary>What test grains saw, shared with the test through DI: lifecycle calls, overlaps, deliveries.</summary>
public sealed class Probe
{
    public ConcurrentQueue<string> Events { get; } = new();

    public void Record(string entry) => Events.Enqueue(entry);

    public int Count(string entry) => Events.Count(e => e == entry);
}
