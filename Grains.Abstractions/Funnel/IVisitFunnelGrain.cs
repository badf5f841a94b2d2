using Orleans;
using Orleans.Concurrency;

namespace Actors.Grains.Abstractions.Funnel;

/// <summary>
/// A property's booking funnel (keyed like the property: GrainKeys.Property): counts per day, source,
/// medium, campaign and variant, fed by its visits and by the property's event stream (holds and
/// confirmations of bookings that carry a visit id of this property). Recording never waits: the
/// visits call it one way.
/// </summary>
[Alias("IVisitFunnelGrain")]
public interface IVisitFunnelGrain : IGrainWithStringKey
{
    /// <summary>Counts a new visit and the steps it started with.</summary>
    [OneWay]
    Task VisitStarted(VisitStart start);

    /// <summary>Counts steps a visit reached, in order (its visit grain has checked the order).</summary>
    [OneWay]
    Task StepsReached(string visitId, FunnelStep[] steps, DateTimeOffset at);

    /// <summary>The funnel of the visits that started on the days [from, to] (inclusive) in the property's time zone.</summary>
    Task<FunnelReport> Report(DateOnly from, DateOnly to);

    /// <summary>Forgets every visit's details now (the counts stay); returns how many visits were forgotten.</summary>
    Task<int> ForgetVisitDetails();
}
