using Orleans;

namespace Actors.Grains.Abstractions.Properties;

/// <summary>What a guest pays when cancelling after the free-cancellation window.</summary>
[GenerateSerializer, Alias("LateCancellationFee")]
public enum LateCancellationFee
{
    FirstNight,
    FullStay,
}
