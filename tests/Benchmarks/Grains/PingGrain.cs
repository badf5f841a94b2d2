using Orleans;

namespace Actors.Benchmarks.Grains;

[GrainType(TypeName)]
public sealed class PingGrain : Grain, IPingGrain
{
    public const string TypeName = "bench-ping";

    Task<int> IPingGrain.PingAsync(int value) => Task.FromResult(value + 1);
}
