using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Events;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Rooms;
using Orleans;

namespace Actors.Grains.Bookings;

/// <summary>Bookings brought in by an organization import: the state they had, not a new hold.</summary>
internal sealed partial class BookingGrain
{
    public async Task<BookingView> Restore(RestoreBooking command)
    {
        if (State.Exists)
        {
            // A retried import finds its booking already there: the same one is fine, another is not.
            return State.PropertyId == command.PropertyId && State.RoomId == command.RoomId && State.CheckIn == command.CheckIn
                && State.CheckOut == command.CheckOut && State.Guest == command.Guest
                ? View()
                : throw new ConflictException($"Booking '{bookingId}' already exists.");
        }

        Validate(command);
        var now = time.GetUtcNow();
        if (command.Status == BookingStatus.Held && command.HoldExpiresAt <= now)
        {
            // The hold lapsed on the way: it arrives as the expired booking it would have become.
            command = command with { Status = BookingStatus.Expired };
        }

        DateTimeOffset? roomHoldUntil = command.Status == BookingStatus.Held ? ToMicroseconds(command.HoldExpiresAt!.Value + options.Value.RoomHoldGrace) : null;
        var room = Room(command.PropertyId, command.RoomId);
        if (command.NightsKept is { } nights)
        {
            await room.Restore(new RoomStay(bookingId, nights.CheckIn, nights.CheckOut, KindOf(command.Status), roomHoldUntil));
        }

        try
        {
            State.Exists = true;
            State.PropertyId = command.PropertyId;
            State.RoomId = command.RoomId;
            State.RoomType = command.RoomType;
            State.CheckIn = command.CheckIn;
            State.CheckOut = command.CheckOut;
            State.Guest = command.Guest;
            State.Guests = command.Guests ?? 0;
            State.Status = command.Status;
            State.Nights = [.. command.Nights];
            State.Total = command.Total;
            State.Currency = command.Currency;
            State.TimeZone = command.TimeZone;
            State.Cancellation = command.Cancellation;
            State.CancellationFee = command.CancellationFee;
            State.HoldExpiresAt = command.Status == BookingStatus.Held ? command.HoldExpiresAt : null;
            State.RoomHoldUntil = roomHoldUntil;
            // A new private link: the old one was a credential of the other organization's booking.
            State.GuestSecret = GuestToken.NewSecret();
            RaiseHistory(command, now);
            if (command.NightsKept is { } kept)
            {
                await CommitAsync(StayRow(command.RoomId, departure: kept.CheckOut), command.RoomId);
            }
            else
            {
                await booking.WriteStateAsync();
            }
        }
        catch
        {
            await Compensate(() => room.Release(bookingId));
            throw;
        }

        if (State.HoldExpiresAt is { } expiresAt)
        {
            // As a new hold: on time while this activation lives, by the room's hold watch otherwise.
            this.RegisterGrainTimer(ExpireIfDue, new GrainTimerCreationOptions(expiresAt - now, Timeout.InfiniteTimeSpan));
        }

        return View();
    }

    /// <summary>
    /// The events the booking would have raised on its way to this state, in one write: boards, figures
    /// and webhooks already know how to apply them, so an import needs no event of its own.
    /// </summary>
    private void RaiseHistory(RestoreBooking command, DateTimeOffset now)
    {
        var (property, room, checkIn, checkOut) = (command.PropertyId, command.RoomId, command.CheckIn, command.CheckOut);
        booking.RaiseEvent(Board, new BookingHeld(bookingId, property, room, checkIn, checkOut, command.Guest.Name, command.Total, command.Currency, command.HoldExpiresAt ?? now, command.Guests));
        if (command.Status is BookingStatus.Confirmed or BookingStatus.CheckedIn or BookingStatus.CheckedOut or BookingStatus.NoShow)
        {
            booking.RaiseEvent(Board, new BookingConfirmed(bookingId, property, room, checkIn, checkOut));
        }

        if (command.Status is BookingStatus.CheckedIn or BookingStatus.CheckedOut)
        {
            booking.RaiseEvent(Board, new GuestCheckedIn(bookingId, property, room, checkIn, checkOut));
        }

        switch (command.Status)
        {
            case BookingStatus.CheckedOut:
                booking.RaiseEvent(Board, new GuestCheckedOut(bookingId, property, room, checkIn, command.DepartedOn ?? checkOut));
                break;
            case BookingStatus.Cancelled:
                booking.RaiseEvent(Board, new BookingCancelled(bookingId, property, room, checkIn, checkOut, command.CancellationFee ?? 0m));
                break;
            case BookingStatus.NoShow:
                booking.RaiseEvent(Board, new GuestNoShow(bookingId, property, room, checkIn, checkOut, command.CancellationFee ?? 0m));
                break;
            case BookingStatus.Expired:
                booking.RaiseEvent(Board, new BookingExpired(bookingId, property, room, checkIn, checkOut));
                break;
        }
    }

    private static void Validate(RestoreBooking command)
    {
        var errors = new FieldErrors();
        errors.Slug(command.PropertyId, "propertyId");
        errors.Slug(command.RoomId, "roomId");
        errors.Slug(command.RoomType, "roomType");
        if (errors.Required(command.Guest, "guest"))
        {
            errors.Text(command.Guest.Name, "guest.name");
            errors.Email(command.Guest.Email, "guest.email");
        }

        errors.Currency(command.Currency, "currency");
        errors.TimeZone(command.TimeZone, "timeZone");
        errors.Required(command.Cancellation, "cancellation");
        if (command.Guests is not null)
        {
            errors.Guests(command.Guests);
        }
        if (!Enum.IsDefined(command.Status))
        {
            errors.Add("status", "Unknown booking status.");
        }

        if (command.CheckOut <= command.CheckIn)
        {
            errors.Add("checkOut", "Check-out must be after check-in.");
        }

        if (command.Status == BookingStatus.Held && command.HoldExpiresAt is null)
        {
            errors.Add("holdExpiresAt", "A held booking needs the time its hold lapses.");
        }

        if (command.DepartedOn is { } departed && (departed <= command.CheckIn || departed > command.CheckOut))
        {
            errors.Add("departedOn", "Must be after check-in and at most check-out.");
        }

        errors.ThrowIfAny();
    }
}
