using Orleans;

namespace Actors.Benchmarks.Grains;

/// <summary>The cheapest grain call there is: what is left to measure is the runtime itself.</summary>
[Alias("bench.IPingGrain")]
public interface IPingGrain : IGrainWithStringKey
{
    /// <summary>Returns <paramref name="value"/> plus one.</summary>
    [Alias("Ping")]
    Task<int> PingAsync(int value);
}
