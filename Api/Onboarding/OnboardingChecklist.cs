using System.Text.Json;
using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Events;
using Actors.Grains.Abstractions.Organizations;
using Actors.Grains.Abstractions.Payments;
using Actors.Grains.Abstractions.Properties;
using Actors.Grains.Abstractions.Rooms;
using Actors.Persistence.EventLog;
using Actors.Persistence.State;
using Orleans;

namespace Actors.Api.Onboarding;

/// <summary>
/// Reads an organization's onboarding steps from the grains that own each fact. Nothing is stored for
/// the checklist itself, so it can never disagree with the hotel: a step undone (the only colleague
/// removed, Stripe disconnected) shows as undone again.
/// </summary>
public static class OnboardingChecklist
{
    private const int LogPage = 500;

    public static async Task<OnboardingView> ReadAsync(IGrainFactory grains, IEventLog log, string org, CancellationToken cancellationToken)
    {
        var organization = grains.GetGrain<IOrganizationGrain>(org);
        var view = await organization.Get();
        var properties = await Task.WhenAll(view.Properties.Select(p => grains.GetGrain<IPropertyGrain>(GrainKeys.Property(org, p)).Get()));
        var rooms = (await Task.WhenAll(view.Properties.Select(p => grains.GetGrain<IPropertyGrain>(GrainKeys.Property(org, p)).ListRooms())))
            .SelectMany(r => r).ToList();
        var colleague = (await organization.Members()).Count > 1 || (await organization.Invitations()).Count > 0;
        var stripe = await grains.GetGrain<IStripeAccountGrain>(org).Find() is not null;
        return new OnboardingView(
            PropertySetUp: properties.Length > 0,
            RoomsAdded: rooms.Any(r => !r.Retired),
            // A room type cannot be saved without a rate above zero, so a priced type is any type.
            RatesSet: properties.Any(p => p.RoomTypes.Any(t => t.NightlyRate > 0)),
            ColleagueInvited: colleague,
            TestBookingTaken: await AnyRealBookingAsync(log, org, view.Properties, cancellationToken),
            StripeConnected: stripe,
            SampleBookings: rooms.SelectMany(r => r.Stays).Count(s => s.Kind != StayKind.Departed && SampleBookingIds.IsSample(s.BookingId)));
    }

    /// <summary>
    /// Whether any booking that is not a sample was ever held. The event log, not the rooms' calendars:
    /// a calendar forgets a cancelled test booking, and cancelling it does not undo having taken one.
    /// The first real hold ends the search, so a busy property reads one page.
    /// </summary>
    private static async Task<bool> AnyRealBookingAsync(IEventLog log, string org, IEnumerable<string> properties, CancellationToken cancellationToken)
    {
        foreach (var property in properties)
        {
            var stream = BoardStream.Of(org, property);
            for (long after = 0; ;)
            {
                var page = await log.ReadAsync(stream, after, LogPage, cancellationToken);
                foreach (var recorded in page.Where(e => e.EventType == nameof(BookingHeld)))
                {
                    var held = JsonSerializer.Deserialize<BookingHeld>(recorded.Payload, GrainJson.Options);
                    if (held is not null && !SampleBookingIds.IsSample(held.BookingId))
                    {
                        return true;
                    }
                }

                if (page.Count < LogPage)
                {
                    break;
                }

                after = page[^1].Sequence;
            }
        }

        return false;
    }
}
