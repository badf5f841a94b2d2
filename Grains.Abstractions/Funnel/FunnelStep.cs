namespace Actors.Grains.Abstractions.Funnel;

/// <summary>
/// The steps of a visit to the booking page, in the only order they count in. The page reports the
/// first four; held and confirmed come from the booking's own events, so a page cannot forge them.
/// </summary>
public enum FunnelStep
{
    Viewed = 1,
    Searched = 2,
    SawPrices = 3,
    ChoseRoom = 4,
    Held = 5,
    Confirmed = 6,
}
