namespace Actors.Grains.Abstractions.Properties;

/// <summary>What a guest pays when cancelling after the free-cancellation window.</summary>
public enum LateCancellationFee
{
    FirstNight,
    FullStay,
}
