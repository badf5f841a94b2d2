using Orleans;

namespace Actors.Grains.Abstractions.Properties;

/// <summary>Free cancellation until <paramref name="FreeUntilDaysBeforeArrival"/> days before arrival; later, <paramref name="LateFee"/>.</summary>
[GenerateSerializer, Immutable, Alias("CancellationPolicy")]
public sealed record CancellationPolicy(int FreeUntilDaysBeforeArrival, LateCancellationFee LateFee)
{
    public static CancellationPolicy Default { get; } = new(2, LateCancellationFee.FirstNight);
}
