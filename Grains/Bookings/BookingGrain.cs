using System.Security.Cryptography;
using System.Text.Json;
using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Audit;
using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Events;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Properties;
using Actors.Grains.Abstractions.Rooms;
using Actors.Grains.Rooms;
using Actors.Persistence.EventLog;
using Actors.Persistence.State;
using Npgsql;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Bookings;

/// <summary>
/// A booking drives the steps across grains: the room agrees in memory first, then the booking commits
/// its state, its stay's row in the stays table, its events and (for a hold) its audit entry in one
/// transaction, and tells the room to take the stays table's word for it when that fails. A room's hold also
/// lapses by itself, so a booking that died between the two steps cannot block the room for long.
/// </summary>
[GrainType("booking")]
internal sealed partial class BookingGrain(
    [OutboxState("booking")] IOutboxState<BookingState> booking,
    TimeProvider time,
    IOptions<BookingOptions> options,
    BookingMetrics metrics,
    ILogger<BookingGrain> logger) : Grain, IBookingGrain, IRemindable
{
    private const string HoldExpiry = "hold-expiry";

    private string org = "";
    private string bookingId = "";

    private BookingState State => booking.State;

    private decimal Paid => State.Payments.Values.Sum() - State.Refunds.Values.Sum();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = GrainKeys.Split(this.GetPrimaryKeyString());
        (org, bookingId) = (key[0], key[^1]);
        return Task.CompletedTask;
    }

    public async Task<BookingView> Hold(HoldBooking command, AuditEntry? audit = null)
    {
        if (State.Exists)
        {
            // Same booking id means the same Idempotency-Key: the same request gets the first result back.
            return (State.RequestFingerprint is { } fingerprint ? fingerprint == Fingerprint(command) : State.Request == command)
                ? View(withGuestToken: true) with { Repeated = true }
                : throw new IdempotencyConflictException("This Idempotency-Key was already used for a different booking request.");
        }

        Validate(command);
        var plan = await Property(command.PropertyId).PlanStay(new StayRequest(command.RoomId, command.RoomType, command.CheckIn, command.CheckOut, command.Guests));
        var now = time.GetUtcNow();
        var expiresAt = now + options.Value.HoldTimeout;
        var roomHoldUntil = ToMicroseconds(expiresAt + options.Value.RoomHoldGrace);
        var roomId = await ReserveFirstFree(command.PropertyId, plan.Rooms, new StayReservation(bookingId, command.CheckIn, command.CheckOut, roomHoldUntil));
        try
        {
            State.Exists = true;
            State.RequestFingerprint = Fingerprint(command);
            State.PropertyId = command.PropertyId;
            State.RoomId = roomId;
            State.RoomType = plan.Quote.RoomType;
            State.CheckIn = command.CheckIn;
            State.CheckOut = command.CheckOut;
            State.Guest = command.Guest;
            State.Guests = command.Guests;
            State.Unassigned = command.RoomId is null;
            State.VisitId = command.VisitId;
            State.Status = BookingStatus.Held;
            State.Nights = [.. plan.Quote.Nights];
            State.Total = plan.Quote.Total;
            State.Currency = plan.Quote.Currency;
            State.TimeZone = plan.TimeZone;
            State.Cancellation = plan.Cancellation;
            State.HoldExpiresAt = expiresAt;
            State.RoomHoldUntil = roomHoldUntil;
            State.GuestSecret = GuestToken.NewSecret();
            booking.RaiseEvent(Board, new BookingHeld(bookingId, State.PropertyId, roomId, State.CheckIn, State.CheckOut, command.Guest.Name, State.Total, State.Currency, expiresAt, State.Guests, State.VisitId, State.Unassigned));
            if (audit is not null)
            {
                booking.RaiseEvent(AuditStream.Of(org), audit);
            }

            await CommitAsync(StayRow(roomId), roomId);
            metrics.Held();
        }
        catch
        {
            await Compensate(() => Room(command.PropertyId, roomId).Release(bookingId));
            throw;
        }

        // On time while this activation lives; the room's hold watch expires it otherwise (after a restart too).
        this.RegisterGrainTimer(ExpireIfDue, new GrainTimerCreationOptions(expiresAt - now, Timeout.InfiniteTimeSpan));
        return View(withGuestToken: true);
    }

    public async Task ExpireHoldIfDue()
    {
        if (State.Exists)
        {
            await ExpireIfDue();
        }
    }

    public async Task<BookingView> Get()
    {
        EnsureExists();
        await ExpireIfDue();
        return View();
    }

    public async Task<BookingView> Confirm()
    {
        await Begin();
        Require(BookingStatus.Held, "confirm");
        await CurrentRoom.Confirm(bookingId);
        State.Status = BookingStatus.Confirmed;
        State.HoldExpiresAt = null;
        State.RoomHoldUntil = null;
        booking.RaiseEvent(Board, new BookingConfirmed(bookingId, State.PropertyId, State.RoomId, State.CheckIn, State.CheckOut));
        await CommitAsync(StayRow(State.RoomId), State.RoomId);
        metrics.Confirmed();
        return View();
    }

    public async Task<BookingView> RecordPayment(string paymentId, decimal amount)
    {
        EnsureExists();
        if (State.Payments.ContainsKey(paymentId))
        {
            return View();
        }

        State.Payments[paymentId] = amount;
        booking.RaiseEvent(Board, new BookingPaid(bookingId, State.PropertyId, State.RoomId, amount, State.Currency, Paid));
        await booking.WriteStateAsync();
        return View();
    }

    public async Task<BookingView> RecordRefund(string refundId, string paymentId, decimal amount)
    {
        EnsureExists();
        if (!State.Payments.ContainsKey(paymentId) || State.Refunds.ContainsKey(refundId))
        {
            return View();
        }

        State.Refunds[refundId] = amount;
        booking.RaiseEvent(Board, new BookingRefunded(bookingId, State.PropertyId, State.RoomId, amount, State.Currency, Paid));
        await booking.WriteStateAsync();
        return View();
    }

    public async Task<BookingView> Cancel()
    {
        await Begin();
        Require([BookingStatus.Held, BookingStatus.Confirmed], "cancel");
        var fee = State.Status == BookingStatus.Held ? 0m : CancellationFee(Today);
        await CurrentRoom.Release(bookingId);
        State.Status = BookingStatus.Cancelled;
        State.CancellationFee = fee;
        booking.RaiseEvent(Board, new BookingCancelled(bookingId, State.PropertyId, State.RoomId, State.CheckIn, State.CheckOut, fee));
        await CommitAsync(NoStayRow(State.RoomId), State.RoomId);
        metrics.Cancelled();
        return View();
    }

    public async Task<BookingView> CheckIn()
    {
        await Begin();
        Require(BookingStatus.Confirmed, "check in");
        var today = Today;
        if (today < State.CheckIn)
        {
            throw new InvalidTransitionException($"Check-in opens on the arrival day, {State.CheckIn:yyyy-MM-dd}; today at the property is {today:yyyy-MM-dd}.");
        }

        if (today >= State.CheckOut)
        {
            throw new InvalidTransitionException($"The stay ended on {State.CheckOut:yyyy-MM-dd}; record a no-show instead.");
        }

        await CurrentRoom.CheckIn(bookingId);
        State.Status = BookingStatus.CheckedIn;
        // The guest sleeps in the room kept for them: checking in assigns it.
        AssignedBy(State.RoomId);
        booking.RaiseEvent(Board, new GuestCheckedIn(bookingId, State.PropertyId, State.RoomId, State.CheckIn, State.CheckOut));
        await CommitAsync(StayRow(State.RoomId), State.RoomId);
        return View();
    }

    public async Task<BookingView> CheckOut()
    {
        await Begin();
        Require(BookingStatus.CheckedIn, "check out");
        var today = Today;
        var slept = await CurrentRoom.CheckOut(bookingId, today);
        State.Status = BookingStatus.CheckedOut;
        booking.RaiseEvent(Board, new GuestCheckedOut(bookingId, State.PropertyId, State.RoomId, State.CheckIn, today));
        await CommitAsync(StayRow(State.RoomId, departure: slept.CheckOut), State.RoomId);
        return View();
    }

    public async Task<BookingView> MarkNoShow()
    {
        await Begin();
        Require(BookingStatus.Confirmed, "mark as no-show");
        if (Today < State.CheckIn)
        {
            throw new InvalidTransitionException($"A no-show can be recorded from the arrival day, {State.CheckIn:yyyy-MM-dd}, on.");
        }

        var fee = LateFee();
        await CurrentRoom.Release(bookingId);
        State.Status = BookingStatus.NoShow;
        State.CancellationFee = fee;
        booking.RaiseEvent(Board, new GuestNoShow(bookingId, State.PropertyId, State.RoomId, State.CheckIn, State.CheckOut, fee));
        await CommitAsync(NoStayRow(State.RoomId), State.RoomId);
        return View();
    }

    public Task<BookingView> GetAsGuest(string secret)
    {
        EnsureGuest(secret);
        return Get();
    }

    public Task<BookingView> ConfirmAsGuest(string secret)
    {
        EnsureGuest(secret);
        return Confirm();
    }

    public Task<BookingView> CancelAsGuest(string secret)
    {
        EnsureGuest(secret);
        return Cancel();
    }

    public async Task<BookingView?> ClaimConfirmationMail()
    {
        if (!State.Exists || State.ConfirmationMailed || State.Status != BookingStatus.Confirmed)
        {
            return null;
        }

        State.ConfirmationMailed = true;
        await booking.WriteStateAsync();
        return View(withGuestToken: true);
    }

    public async Task<BookingView> ChangeDates(DateOnly checkIn, DateOnly checkOut)
    {
        await Begin();
        Require([BookingStatus.Held, BookingStatus.Confirmed], "change dates");
        if (checkIn == State.CheckIn && checkOut == State.CheckOut)
        {
            return View();
        }

        // Repriced for the party that stays, and refused if the room no longer sleeps it.
        var plan = await Property(State.PropertyId).PlanStay(new StayRequest(State.RoomId, null, checkIn, checkOut, Math.Max(State.Guests, 1)));
        var (fromCheckIn, fromCheckOut) = (State.CheckIn, State.CheckOut);
        await CurrentRoom.ChangeDates(bookingId, checkIn, checkOut);
        State.CheckIn = checkIn;
        State.CheckOut = checkOut;
        State.Nights = [.. plan.Quote.Nights];
        State.Total = plan.Quote.Total;
        booking.RaiseEvent(Board, new BookingDatesChanged(bookingId, State.PropertyId, State.RoomId, fromCheckIn, fromCheckOut, checkIn, checkOut, State.Total));
        await CommitAsync(StayRow(State.RoomId), State.RoomId);
        return View();
    }

    public async Task<BookingView> MoveTo(string roomId)
    {
        var errors = new FieldErrors();
        errors.Slug(roomId, "roomId");
        errors.ThrowIfAny();
        await Begin();
        Require([BookingStatus.Held, BookingStatus.Confirmed], "move");
        if (roomId == State.RoomId)
        {
            throw new DomainValidationException("roomId", $"The booking is already in room '{roomId}'.");
        }

        // The property checks the room exists, is in service and sleeps the party; the price the guest agreed stays.
        var plan = await Property(State.PropertyId).PlanStay(new StayRequest(roomId, null, State.CheckIn, State.CheckOut, Math.Max(State.Guests, 1)));
        var target = Room(State.PropertyId, roomId);
        var holdUntil = State.Status == BookingStatus.Held ? State.RoomHoldUntil : null;

        // New room first, then the booking (both rooms' rows in its transaction), then the old room's memory:
        // the guest always has at least one room and ends with one.
        await target.Reserve(new StayReservation(bookingId, State.CheckIn, State.CheckOut, holdUntil));
        var fromRoomId = State.RoomId;
        State.RoomId = roomId;
        State.RoomType = plan.Quote.RoomType;
        State.PendingReleases.Add(fromRoomId);
        booking.RaiseEvent(Board, new BookingMoved(bookingId, State.PropertyId, fromRoomId, roomId, State.CheckIn, State.CheckOut));
        // Moved by the front desk is placed by the front desk: a booking by room type has its room now.
        AssignedBy(roomId);
        booking.Enlist(NoStayRow(fromRoomId));
        await CommitAsync(StayRow(roomId), roomId);
        await ReleasePendingRooms();
        return View();
    }

    public async Task<BookingView> AssignRoom(string? roomId)
    {
        if (roomId is not null && roomId != State.RoomId)
        {
            if (State.Exists && !State.Unassigned)
            {
                throw new InvalidTransitionException($"The booking already has room '{State.RoomId}'; move it to another room instead.");
            }

            return await MoveTo(roomId);
        }

        await Begin();
        Require([BookingStatus.Held, BookingStatus.Confirmed], "assign a room to");
        if (AssignedBy(State.RoomId))
        {
            await booking.WriteStateAsync();
        }

        return View();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != HoldExpiry)
        {
            return;
        }

        // Reminders of holds made before the rooms watched their holds: each ends here once its hold has.
        if (!State.Exists || State.Status != BookingStatus.Held)
        {
            await ForgetHoldExpiry();
            return;
        }

        var now = time.GetUtcNow();
        if (now < State.HoldExpiresAt)
        {
            await this.RegisterOrUpdateReminder(HoldExpiry, State.HoldExpiresAt.Value - now, TimeSpan.FromMinutes(1));
            return;
        }

        await Expire();
        await ForgetHoldExpiry();
    }

    private EventStream Board => BoardStream.Of(org, State.PropertyId);

    /// <summary>Marks an unassigned booking as given <paramref name="roomId"/>, with its event; false when it had its room already.</summary>
    private bool AssignedBy(string roomId)
    {
        if (!State.Unassigned)
        {
            return false;
        }

        State.Unassigned = false;
        booking.RaiseEvent(Board, new BookingRoomAssigned(bookingId, State.PropertyId, roomId));
        return true;
    }

    private IRoomGrain CurrentRoom => Room(State.PropertyId, State.RoomId);

    private DateOnly Today => PropertyCalendar.Today(time, State.TimeZone);

    private static void Validate(HoldBooking command)
    {
        var errors = new FieldErrors();
        errors.Slug(command.PropertyId, "propertyId");
        if (command.RoomId is null && command.RoomType is null)
        {
            errors.Add("roomId", "Give a room id or a room type.");
        }

        if (command.RoomId is not null)
        {
            errors.Slug(command.RoomId, "roomId");
        }

        if (command.RoomType is not null)
        {
            errors.Slug(command.RoomType, "roomType");
        }

        if (errors.Required(command.Guest, "guest"))
        {
            errors.Text(command.Guest.Name, "guest.name");
            errors.Email(command.Guest.Email, "guest.email");
        }

        errors.Guests(command.Guests);
        errors.ThrowIfAny();
    }

    /// <summary>Every command starts here: finish a move left half done, and let a lapsed hold expire first.</summary>
    private async Task Begin()
    {
        EnsureExists();
        await ReleasePendingRooms();
        await ExpireIfDue();
    }

    private async Task<string> ReserveFirstFree(string propertyId, IReadOnlyList<string> rooms, StayReservation reservation)
    {
        RoomUnavailableException? last = null;
        foreach (var roomId in rooms)
        {
            try
            {
                await Room(propertyId, roomId).Reserve(reservation);
                return roomId;
            }
            catch (RoomUnavailableException unavailable)
            {
                // Taken since the property looked: try the next free room of the type.
                last = unavailable;
            }
        }

        throw last ?? new RoomUnavailableException("No room is free for those nights.");
    }

    private async Task ExpireIfDue()
    {
        if (State.Status == BookingStatus.Held && time.GetUtcNow() >= State.HoldExpiresAt)
        {
            await Expire();
        }
    }

    private async Task Expire()
    {
        // Room first: if saving the booking then fails, the room's hold watch tries again and the room is already free.
        await CurrentRoom.Release(bookingId);
        State.Status = BookingStatus.Expired;
        booking.RaiseEvent(Board, new BookingExpired(bookingId, State.PropertyId, State.RoomId, State.CheckIn, State.CheckOut));
        await CommitAsync(NoStayRow(State.RoomId), State.RoomId);
        metrics.Expired();
    }

    /// <summary>
    /// Commits the booking with its stay's rows. When that fails after the room agreed, the room takes
    /// the table's word for this booking's stay; a stay the database refused (another activation of the room took those
    /// nights first) reaches the caller as room-unavailable, not as a database error.
    /// </summary>
    private async Task CommitAsync(StayRows rows, string roomId)
    {
        // Before the write: a failed write puts the state back, property and all.
        var room = Room(State.PropertyId, roomId);
        booking.Enlist(rows);
        try
        {
            await booking.WriteStateAsync();
        }
        catch (Exception failure)
        {
            await Compensate(() => room.Reload(bookingId));
            if (failure is PostgresException { SqlState: PostgresErrorCodes.ExclusionViolation })
            {
                throw new RoomUnavailableException($"Room '{roomId}' is already taken for some of those nights.");
            }

            throw;
        }
    }

    /// <summary>The booking's stay as the stays table keeps it: a hold until the room lets go, then booked, in house, departed.</summary>
    private StayRows StayRow(string roomId, DateOnly? departure = null) =>
        new StayRows(GrainKeys.Room(org, State.PropertyId, roomId)).Save(
            new StayRecord
            {
                BookingId = bookingId,
                CheckIn = State.CheckIn,
                CheckOut = departure ?? State.CheckOut,
                Kind = KindOf(State.Status),
                HoldUntil = State.Status == BookingStatus.Held ? State.RoomHoldUntil : null,
            },
            time.GetUtcNow());

    // The request's JSON hashed: enough to tell a retry from another request, a fraction of the booking's bytes.
    // The visit is not part of what was asked for: a retry from another tab (or with counting declined
    // since) is the same booking, and fingerprints kept before visits existed still match.
    private static string Fingerprint(HoldBooking command) =>
        Convert.ToBase64String(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(ForFingerprint(command), GrainJson.Options)));

    private static object ForFingerprint(HoldBooking command) =>
        new { command.PropertyId, command.RoomId, command.RoomType, command.CheckIn, command.CheckOut, command.Guest, command.Guests };

    private static StayKind KindOf(BookingStatus status) => status switch
    {
        BookingStatus.Held => StayKind.Hold,
        BookingStatus.CheckedIn => StayKind.InHouse,
        BookingStatus.CheckedOut => StayKind.Departed,
        _ => StayKind.Booked,
    };

    // PostgreSQL keeps microseconds: a room that reads its calendar back must find the time it was given.
    private static DateTimeOffset ToMicroseconds(DateTimeOffset time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerMicrosecond));

    private StayRows NoStayRow(string roomId) => new StayRows(GrainKeys.Room(org, State.PropertyId, roomId)).Remove(bookingId);

    private async Task ForgetHoldExpiry()
    {
        if (await this.GetReminder(HoldExpiry) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private async Task ReleasePendingRooms()
    {
        if (State.PendingReleases.Count == 0)
        {
            return;
        }

        foreach (var roomId in State.PendingReleases.ToList())
        {
            try
            {
                await Room(State.PropertyId, roomId).Release(bookingId);
                State.PendingReleases.Remove(roomId);
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Releasing room {Room} for booking {Booking} failed; it is tried again on the next call", roomId, bookingId);
            }
        }

        try
        {
            await booking.WriteStateAsync();
        }
        catch (Exception exception) when (exception is not InconsistentStateException)
        {
            // Releasing twice is harmless; the list is saved with the next change.
            logger.LogWarning(exception, "Saving booking {Booking} after releasing rooms failed", bookingId);
        }
    }

    private decimal CancellationFee(DateOnly today) =>
        State.CheckIn.DayNumber - today.DayNumber >= State.Cancellation!.FreeUntilDaysBeforeArrival ? 0m : LateFee();

    private decimal LateFee() => State.Cancellation!.LateFee switch
    {
        LateCancellationFee.FullStay => State.Total,
        _ => State.Nights.Count > 0 ? State.Nights[0].Price : 0m,
    };

    private void EnsureExists()
    {
        if (!State.Exists)
        {
            throw new NotFoundException($"Booking '{bookingId}' does not exist.");
        }
    }

    /// <summary>A wrong secret looks exactly like a missing booking, so a guess learns nothing.</summary>
    private void EnsureGuest(string secret)
    {
        if (!State.Exists || !GuestToken.SecretsMatch(State.GuestSecret, secret ?? ""))
        {
            throw new NotFoundException("No booking for this link.");
        }
    }

    private void Require(BookingStatus allowed, string action) => Require([allowed], action);

    private void Require(BookingStatus[] allowed, string action)
    {
        if (!allowed.Contains(State.Status))
        {
            throw new InvalidTransitionException($"Cannot {action} a booking that is {State.Status}.");
        }
    }

    private async Task Compensate(Func<Task> undo)
    {
        try
        {
            await undo();
        }
        catch (Exception exception)
        {
            // The room's hold lapses by itself; nothing more to do here than say so.
            logger.LogWarning(exception, "Undoing a step of booking {Booking} failed", bookingId);
        }
    }

    private IPropertyGrain Property(string propertyId) => GrainFactory.GetGrain<IPropertyGrain>(GrainKeys.Property(org, propertyId));

    private IRoomGrain Room(string propertyId, string roomId) => GrainFactory.GetGrain<IRoomGrain>(GrainKeys.Room(org, propertyId, roomId));

    private BookingView View(bool withGuestToken = false) => new(
        bookingId,
        State.PropertyId,
        State.RoomId,
        State.RoomType,
        State.CheckIn,
        State.CheckOut,
        State.Guest!,
        State.Status,
        [.. State.Nights],
        State.Total,
        State.Currency,
        State.HoldExpiresAt,
        State.Cancellation!,
        State.CancellationFee,
        withGuestToken && State.GuestSecret.Length > 0 ? new GuestToken(org, bookingId, State.GuestSecret).ToString() : null,
        Guests: State.Guests > 0 ? State.Guests : null,
        Paid: Paid,
        Unassigned: State.Unassigned);
}
