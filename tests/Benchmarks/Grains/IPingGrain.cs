using Actors.Runtime;

namespace Actors.Benchmarks.Grains;

/// <summary>The cheapest grain call there is: what is left to measure is the runtime itself.</summary>
public interface IPingGrain : IGrainWithStringKey
{
    /// <summary>Returns <paramref name="value"/> plus one.</summary>
    Task<int> PingAsync(int value);
}
