namespace Actors.Grains.Tests;

/// <summary>A cluster whose holds lapse after two seconds.</summary>
public sealed class ShortHoldCluster : DomainCluster
{
    protected override TimeSpan HoldTimeout => TimeSpan.FromSeconds(2);
}
