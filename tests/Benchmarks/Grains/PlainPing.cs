using System.Runtime.CompilerServices;

namespace Actors.Benchmarks.Grains;

/// <summary>
/// The same method on a plain object, called through the same interface: the baseline a grain
/// call is compared with. Not a Grain, so no silo hosts it.
/// </summary>
public sealed class PlainPing : IPingGrain
{
    // Without this, dynamic PGO devirtualizes the monomorphic interface call and inlines it away.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public Task<int> PingAsync(int value) => Task.FromResult(value + 1);
}
