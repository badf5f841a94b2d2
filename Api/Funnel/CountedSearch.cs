using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Funnel;
using Actors.Grains.Abstractions.Properties;
using Orleans;

namespace Actors.Api.Funnel;

/// <summary>
/// A search the booking page makes in a counted visit names the visit in the <see cref="Header"/>
/// header and counts itself: searched, and saw prices when a room type is free. That spares the page
/// a report of its own, the costliest part of counting a visit, and never slows or refuses the search.
/// </summary>
public static class CountedSearch
{
    public const string Header = "Visit-Id";

    private static readonly FunnelStep[] Searched = [FunnelStep.Searched];
    private static readonly FunnelStep[] SawPrices = [FunnelStep.Searched, FunnelStep.SawPrices];

    public static async Task CountAsync(HttpContext http, IGrainFactory grains, string org, string property, AvailabilityView found)
    {
        // A malformed id counts nothing rather than refusing a guest's search; one of another property
        // or organization names a visit that never started here (the key holds the property), so it too counts nothing.
        var visit = http.Request.Headers[Header].ToString();
        if (!VisitIds.IsValid(visit))
        {
            return;
        }

        // One way: queued for the visit, not awaited by the guest.
        var steps = found.RoomTypes.Any(t => t.FreeRooms > 0) ? SawPrices : Searched;
        await grains.GetGrain<IVisitGrain>(GrainKeys.Visit(org, property, visit)).Reach(steps);
    }
}
