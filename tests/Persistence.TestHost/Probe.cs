using System.Collections.Concurrent;

namespace Actors.Persistence.TestHost;

/// <summary>
/// What test grains saw, shared with the test through the silos' services: activations, deactivations,
/// ticks; and which ledger values a consumer must refuse (a "poisoned" event) until the test cures it.
/// </summary>
public sealed class Probe
{
    private readonly ConcurrentQueue<string> entries = new();
    private readonly ConcurrentDictionary<int, byte> poisoned = new();

    public void Record(string entry) => entries.Enqueue(entry);

    public int Count(string entry) => entries.Count(e => e == entry);

    public void Poison(int value) => poisoned[value] = 0;

    public void Cure(int value) => poisoned.TryRemove(value, out _);

    public bool IsPoisoned(int value) => poisoned.ContainsKey(value);
}
