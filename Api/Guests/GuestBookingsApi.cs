using Actors.Api.Mail;
using Actors.Api.Payments;
using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Failures;
using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Api.Guests;

/// <summary>
/// What a guest does through the private link of a booking, without an account: see it, confirm
/// the hold, cancel it. The token is the only credential, so a wrong one is simply not found.
/// </summary>
public static class GuestBookingsApi
{
    public static RouteGroupBuilder MapGuestBookingsApi(this RouteGroupBuilder guest)
    {
        var bookings = guest.MapGroup("/bookings/{token}").WithTags("Guests");
        bookings.MapGet("/", (string token, IGrainFactory grains) => Act(grains, token, (b, secret) => b.GetAsGuest(secret)))
            .WithSummary("Returns the booking of a guest's private link.");
        bookings.MapPost("/confirm", ConfirmAsync)
            .WithSummary("Confirms the hold of a guest's private link (pay at the property).");
        bookings.MapPost("/cancel", CancelAsync)
            .WithSummary("Cancels the booking of a guest's private link under its cancellation policy.");
        return guest;
    }

    private static async Task<Ok<BookingView>> ConfirmAsync(string token, IGrainFactory grains, GuestConfirmationMail mail)
    {
        var confirmed = await Act(grains, token, (b, secret) => b.ConfirmAsGuest(secret));
        GuestToken.TryParse(token, out var link);
        await mail.SendAsync(link.Organization, link.BookingId);
        return confirmed;
    }

    // A guest who paid by card gets back what the policy allows, as at the desk.
    private static async Task<Ok<BookingView>> CancelAsync(string token, IGrainFactory grains, GuestPayments payments, CancellationToken cancellationToken)
    {
        var cancelled = await Act(grains, token, (b, secret) => b.CancelAsGuest(secret));
        GuestToken.TryParse(token, out var link);
        await payments.SettleCancellationAsync(link.Organization, link.BookingId, cancellationToken);
        return cancelled;
    }

    private static async Task<Ok<BookingView>> Act(IGrainFactory grains, string token, Func<IBookingGrain, string, Task<BookingView>> action)
    {
        if (!GuestToken.TryParse(token, out var link))
        {
            throw new NotFoundException("No booking for this link.");
        }

        var booking = grains.GetGrain<IBookingGrain>(GrainKeys.Booking(link.Organization, link.BookingId));
        return TypedResults.Ok(await action(booking, link.Secret));
    }
}
