using System.Text.Json;
using Actors.Api.Bookings;
using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Events;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Organizations;
using Actors.Grains.Abstractions.Payments;
using Actors.Grains.Abstractions.Properties;
using Actors.Grains.Abstractions.Rooms;
using Actors.Grains.Abstractions.Webhooks;
using Actors.Persistence.EventLog;
using Actors.Persistence.State;
using Orleans;

namespace Actors.Api.Exports;

/// <summary>
/// Reads one organization into an <see cref="OrganizationDocument"/>. A property's bookings are found
/// in its event log: every booking begins with BookingHeld there, and the log is never trimmed, while
/// room calendars forget cancelled, expired and long-departed stays.
/// </summary>
public static class OrganizationExport
{
    private const int LogPage = 1_000;
    private const int Concurrency = 16;

    public static async Task<OrganizationDocument> ReadAsync(IGrainFactory grains, IEventLog log, TimeProvider time, string org, CancellationToken cancellationToken)
    {
        var organization = grains.GetGrain<IOrganizationGrain>(org);
        var view = await organization.Get();
        var properties = new List<ExportedProperty?>();
        foreach (var property in view.Properties)
        {
            properties.Add(await PropertyAsync(grains, log, org, property, cancellationToken));
        }

        var members = await organization.Members();
        var webhooks = await grains.GetGrain<IWebhooksGrain>(org).List();
        return new OrganizationDocument(
            OrganizationDocument.FormatName,
            OrganizationDocument.CurrentVersion,
            time.GetUtcNow(),
            new ExportedOrganization(view.Id, view.Name, view.Plan),
            properties,
            [.. members.Select(m => new ExportedMember(m.Email, m.Role, m.Since))],
            webhooks);
    }

    private static async Task<ExportedProperty> PropertyAsync(IGrainFactory grains, IEventLog log, string org, string propertyId, CancellationToken cancellationToken)
    {
        var property = grains.GetGrain<IPropertyGrain>(GrainKeys.Property(org, propertyId));
        var view = await property.Get();
        var rooms = await property.ListRooms();
        // The nights a departed guest's room still shows end on the day they left, which only the room knows.
        var departures = rooms.SelectMany(r => r.Stays).Where(s => s.Kind == StayKind.Departed).ToDictionary(s => s.BookingId, s => s.CheckOut, StringComparer.Ordinal);
        var ids = await BookingIdsAsync(log, org, propertyId, cancellationToken);
        var bookings = new ExportedBooking?[ids.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, ids.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (i, _) => bookings[i] = await BookingAsync(grains, org, ids[i], departures));
        return new ExportedProperty(
            view.Id,
            view.Settings,
            view.RoomTypes,
            [.. rooms.Select(r => new ExportedRoom(r.Id, r.Name, r.RoomType, r.Housekeeping, r.Retired, [.. r.Blocks.Select(b => new ExportedBlock(b.Id, b.From, b.To, b.Kind, b.Reason))]))],
            [.. bookings.OfType<ExportedBooking>().OrderBy(b => b.CheckIn).ThenBy(b => b.Id, StringComparer.Ordinal)]);
    }

    private static async Task<IReadOnlyList<string>> BookingIdsAsync(IEventLog log, string org, string propertyId, CancellationToken cancellationToken)
    {
        var stream = BoardStream.Of(org, propertyId);
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (long after = 0; ;)
        {
            var page = await log.ReadAsync(stream, after, LogPage, cancellationToken);
            foreach (var recorded in page.Where(e => e.EventType == nameof(BookingHeld)))
            {
                var held = JsonSerializer.Deserialize<BookingHeld>(recorded.Payload, GrainJson.Options);
                if (held is not null && seen.Add(held.BookingId))
                {
                    ids.Add(held.BookingId);
                }
            }

            if (page.Count < LogPage)
            {
                return ids;
            }

            after = page[^1].Sequence;
        }
    }

    private static async Task<ExportedBooking?> BookingAsync(IGrainFactory grains, string org, string id, Dictionary<string, DateOnly> departures)
    {
        if (await SavedBooking.FindAsync(grains, org, id) is not { } booking)
        {
            return null;
        }

        var payment = await grains.GetGrain<IPaymentGrain>(GrainKeys.Booking(org, id)).Find();
        return new ExportedBooking(
            booking.Id,
            booking.RoomId,
            booking.RoomType,
            booking.CheckIn,
            booking.CheckOut,
            booking.Status == BookingStatus.CheckedOut && departures.TryGetValue(id, out var departed) ? departed : null,
            booking.Status,
            booking.Guest,
            booking.Nights,
            booking.Total,
            booking.Currency,
            booking.Cancellation,
            booking.CancellationFee,
            booking.HoldExpiresAt,
            payment is null ? null : new ExportedPayment(payment.Status, payment.Amount, payment.Currency, payment.Refunded, payment.PaidAt),
            booking.Guests);
    }
}
