using Actors.Api.Audit;
using Actors.Api.Mail;
using Actors.Api.Payments;
using Actors.Api.Problems;
using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Bookings;
using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Actors.Api.Bookings;

/// <summary>Bookings: hold (with Idempotency-Key), read, and every step of the lifecycle.</summary>
public static class BookingsApi
{
    public static RouteGroupBuilder MapBookingsApi(this RouteGroupBuilder orgs)
    {
        var bookings = orgs.MapGroup("/{org}/bookings").WithTags("Bookings");
        bookings.MapPost("/", HoldAsync)
            .WithSummary("Holds a room; send an Idempotency-Key so a retry returns the first result.");
        bookings.MapGet("/{booking}", GetAsync).WithSummary("Returns a booking.");
        bookings.MapPost("/{booking}/confirm", ConfirmAsync)
            .WithSummary("Confirms a hold before it expires.");
        bookings.MapPost("/{booking}/cancel", CancelAsync)
            .WithSummary("Cancels a held or confirmed booking under its cancellation policy.");
        bookings.MapPost("/{booking}/check-in", (string org, string booking, IGrainFactory grains) => Act(grains, org, booking, b => b.CheckIn()))
            .WithSummary("Checks the guest in, from the arrival day on, into a clean or inspected room.");
        bookings.MapPost("/{booking}/check-out", (string org, string booking, IGrainFactory grains) => Act(grains, org, booking, b => b.CheckOut()))
            .WithSummary("Checks the guest out; the room becomes dirty.");
        bookings.MapPost("/{booking}/no-show", (string org, string booking, IGrainFactory grains) => Act(grains, org, booking, b => b.MarkNoShow()))
            .WithSummary("Records that the guest did not arrive.");
        bookings.MapPut("/{booking}/dates", ChangeDatesAsync).WithSummary("Moves the stay to other nights in the same room, repriced.");
        bookings.MapPost("/{booking}/move", MoveAsync).WithSummary("Moves the stay to another room of the property, atomically.");
        bookings.MapPost("/{booking}/assign", AssignAsync)
            .WithSummary("Gives a booking made by room type its room: the one named (moving it there) or, with none, the room kept for it.");
        return orgs;
    }

    private static async Task<Created<BookingView>> HoldAsync(
        string org,
        CreateBookingRequest request,
        [FromHeader(Name = BookingIds.IdempotencyKeyHeader)] string? idempotencyKey,
        IGrainFactory grains,
        TimeProvider time,
        HttpContext http)
    {
        PathIds.Check(org);
        var command = request.ToCommand();
        var id = BookingIds.For(org, idempotencyKey);
        AuditScope.Name(http, "booking", id);
        // The hold's audit entry commits in the hold's own transaction (a repeat commits nothing and files nothing).
        var audit = AuditFilter.Entry(http, StatusCodes.Status201Created, time.GetUtcNow());
        var view = await Booking(grains, org, id).Hold(command, audit);
        AuditScope.Filed(http);
        return TypedResults.Created($"/api/orgs/{org}/bookings/{id}", view);
    }

    private static async Task<Ok<BookingView>> ConfirmAsync(string org, string booking, IGrainFactory grains, GuestConfirmationMail mail)
    {
        var confirmed = await Act(grains, org, booking, b => b.Confirm());
        await mail.SendAsync(org, booking);
        return confirmed;
    }

    private static Task<Ok<BookingView>> GetAsync(string org, string booking, IGrainFactory grains) =>
        Act(grains, org, booking, b => b.Get());

    // A paid booking gets back what its policy allows, whichever door it was cancelled through.
    private static async Task<Ok<BookingView>> CancelAsync(string org, string booking, IGrainFactory grains, GuestPayments payments, CancellationToken cancellationToken)
    {
        var cancelled = await Act(grains, org, booking, b => b.Cancel());
        await payments.SettleCancellationAsync(org, booking, cancellationToken);
        return cancelled;
    }

    private static Task<Ok<BookingView>> ChangeDatesAsync(string org, string booking, ChangeDatesRequest request, IGrainFactory grains)
    {
        var (checkIn, checkOut) = request.ToDates();
        return Act(grains, org, booking, b => b.ChangeDates(checkIn, checkOut));
    }

    private static Task<Ok<BookingView>> MoveAsync(string org, string booking, MoveRoomRequest request, IGrainFactory grains)
    {
        var roomId = request.ToRoomId();
        return Act(grains, org, booking, b => b.MoveTo(roomId));
    }

    private static Task<Ok<BookingView>> AssignAsync(string org, string booking, AssignRoomRequest? request, IGrainFactory grains)
    {
        var roomId = (request ?? new AssignRoomRequest(null)).ToRoomId();
        return Act(grains, org, booking, b => b.AssignRoom(roomId));
    }

    private static async Task<Ok<BookingView>> Act(IGrainFactory grains, string org, string booking, Func<IBookingGrain, Task<BookingView>> action)
    {
        PathIds.Check(org, booking);
        return TypedResults.Ok(await action(Booking(grains, org, booking)));
    }

    private static IBookingGrain Booking(IGrainFactory grains, string org, string booking) =>
        grains.GetGrain<IBookingGrain>(GrainKeys.Booking(org, booking));
}
