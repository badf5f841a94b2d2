using Actors.Runtime;

namespace Actors.Benchmarks.Grains;

public sealed class PingGrain : Grain, IPingGrain
{
    Task<int> IPingGrain.PingAsync(int value) => Task.FromResult(value + 1);
}
