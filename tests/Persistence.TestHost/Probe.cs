using System.Collections.Concurrent;

namespace Actors.Persistence.TestHost;

/// <summary>What test grains saw, shared with the test through the silos' services: activations, deactivations, ticks.</summary>
public sealed class Probe
{
    private readonly ConcurrentQueue<string> entries = new();

    public void Record(string entry) => entries.Enqueue(entry);

    public int Count(string entry) => entries.Count(e => e == entry);
}
