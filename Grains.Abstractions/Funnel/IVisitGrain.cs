using Orleans;
using Orleans.Concurrency;

namespace Actors.Grains.Abstractions.Funnel;

/// <summary>
/// One visit to a property's booking page (key: "org/property/visit"), started only with the
/// visitor's consent: its details, its sticky variants and the page's steps it reached, in order.
/// </summary>
[Alias("IVisitGrain")]
public interface IVisitGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts the visit with the steps the page had reached by then: assigns a variant of every
    /// running test and tells the property's funnel.
    /// </summary>
    Task<StartedVisit> Start(VisitDetails details, FunnelStep[] steps);

    /// <summary>
    /// Records steps the page reached, in the order given; a step of an unknown visit, repeated, or
    /// whose predecessor was not reached is ignored (and so is every step after it in the batch).
    /// </summary>
    [OneWay]
    Task Reach(FunnelStep[] steps);

    /// <summary>The visit as kept, or not-found once it is forgotten (or never started).</summary>
    Task<VisitView> Get();

    /// <summary>Forgets the visit's details (retention over, or the owner's purge); its counts stay in the funnel.</summary>
    Task Forget();
}
