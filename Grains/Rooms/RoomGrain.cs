using System.Globalization;
using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Events;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Properties;
using Actors.Grains.Abstractions.Rooms;
using Actors.Persistence.EventLog;
using Actors.Persistence.State;
using Actors.Grains.Abstractions.Bookings;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans;
using Orleans.Runtime;

namespace Actors.Grains.Rooms;

/// <summary>
/// A room's calendar and housekeeping status. Every change to the calendar is decided here, one turn
/// at a time, so the overlap check in memory sees every stay. The calendar's truth is the stays
/// table, which the bookings write in their own transactions (its exclusion constraint checks the
/// nights again); the room reads it when it activates and keeps only its housekeeping and its few
/// blocks in its state, so a change costs the same whatever the calendar holds. A block also writes a
/// row of the stays table (BlockRows), so the exclusion constraint keeps stays off its nights too.
/// </summary>
[GrainType("room")]
internal sealed class RoomGrain(
    [OutboxState("room")] IOutboxState<RoomState> room,
    IStaysTable staysTable,
    IOptions<BookingOptions> options,
    TimeProvider time) : Grain, IRoomGrain, IRemindable
{
    private const string HoldWatch = "holds";

    private string org = "";
    private string propertyId = "";
    private string roomId = "";

    // Whether this activation has put the hold watch on record; holds are few, so once per activation is enough.
    private bool watchingHolds;

    private RoomState State => room.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = GrainKeys.Split(this.GetPrimaryKeyString());
        (org, propertyId, roomId) = (key[0], key[1], key[^1]);
        if (State.Exists)
        {
            State.Stays = await staysTable.ReadAsync(Key, DepartedSince, cancellationToken);
        }
    }

    // A day early, whatever the property's time zone: the calendar forgets departures after DepartedDaysKept.
    private DateOnly DepartedSince => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-StayLimits.DepartedDaysKept - 1);

    public async Task<RoomView> Create(NewRoom command)
    {
        if (State.Exists)
        {
            // A repeat from a property whose own write failed after ours succeeded.
            return State.Name == command.Name && State.RoomType == command.RoomType
                ? View()
                : throw new ConflictException($"Room '{roomId}' already exists.");
        }

        var errors = new FieldErrors();
        errors.Text(command.Name, "name");
        errors.Slug(command.RoomType, "roomType");
        errors.ThrowIfAny();

        State.Exists = true;
        State.Name = command.Name;
        State.RoomType = command.RoomType;
        State.Housekeeping = Housekeeping.Clean;
        room.RaiseEvent(BoardStream.Of(org, propertyId), new RoomAdded(propertyId, roomId, command.Name, command.RoomType));
        await SaveAsync();
        return View();
    }

    public Task<RoomView> Get()
    {
        EnsureExists();
        return Task.FromResult(View());
    }

    public async Task<RoomView> Rename(string name)
    {
        EnsureExists();
        var errors = new FieldErrors();
        errors.Text(name, "name");
        errors.ThrowIfAny();
        if (State.Name != name)
        {
            State.Name = name;
            room.RaiseEvent(BoardStream.Of(org, propertyId), new RoomRenamed(propertyId, roomId, name));
            await SaveAsync();
        }

        return View();
    }

    public async Task<RoomView> Retire(DateOnly today)
    {
        EnsureExists();
        if (State.Retired)
        {
            return View();
        }

        var now = time.GetUtcNow();
        if (State.Stays.Any(s => s.IsLive(now) && s.Kind != StayKind.Departed && s.CheckOut > today))
        {
            throw new ConflictException($"Room '{roomId}' still has stays to come; move or cancel them first.");
        }

        State.Retired = true;
        room.RaiseEvent(BoardStream.Of(org, propertyId), new RoomRetired(propertyId, roomId));
        await SaveAsync();
        return View();
    }

    public async Task<RoomView> SetHousekeeping(Housekeeping status)
    {
        EnsureExists();
        if (!Enum.IsDefined(status))
        {
            throw new DomainValidationException("status", "Unknown housekeeping status.");
        }

        if (State.Housekeeping != status)
        {
            ChangeHousekeeping(status);
            await SaveAsync();
        }

        return View();
    }

    public async Task<RoomBlock> Block(NewBlock block, DateOnly today)
    {
        EnsureExists();
        var errors = new FieldErrors();
        errors.Block(block.From, block.To, block.Kind, block.Reason);
        if (block.From < today)
        {
            errors.Add("from", $"Must be today ({today:yyyy-MM-dd} at the property) or later.");
        }
        else if (block.From.DayNumber - today.DayNumber > StayLimits.MaxDaysAhead)
        {
            errors.Add("from", $"At most {StayLimits.MaxDaysAhead} days ahead.");
        }

        errors.ThrowIfAny();
        if (State.Retired)
        {
            throw new ConflictException($"Room '{roomId}' is retired.");
        }

        if (State.Blocks.Find(b => b.Overlaps(block.From, block.To)) is { } other)
        {
            // A retry of the same request finds its own block.
            return other.From == block.From && other.To == block.To && other.Kind == block.Kind && other.Reason == block.Reason
                ? other
                : throw new ConflictException($"Room '{roomId}' is already blocked from {other.From:yyyy-MM-dd} to {other.To:yyyy-MM-dd} (block '{other.Id}').");
        }

        var now = time.GetUtcNow();
        RefuseStayUnder(block.From, block.To, now);
        var added = new RoomBlock((State.LastBlock + 1).ToString(CultureInfo.InvariantCulture), block.From, block.To, block.Kind, block.Reason);
        State.LastBlock++;
        // Blocks that ended long ago sell nothing any more: forget them, so the state stays small.
        State.Blocks.RemoveAll(b => b.To < today.AddDays(-StayLimits.DepartedDaysKept));
        await KeepBlockAsync(added, now);
        return added;
    }

    public async Task Unblock(string blockId)
    {
        EnsureExists();
        var block = State.Blocks.Find(b => b.Id == blockId)
            ?? throw new NotFoundException($"Room '{roomId}' has no block '{blockId}'.");
        State.Blocks.Remove(block);
        room.RaiseEvent(BoardStream.Of(org, propertyId), new RoomUnblocked(propertyId, roomId, block.Id, block.From, block.To));
        room.Enlist(new BlockRows(Key).Remove(block.Id));
        await SaveAsync();
    }

    public async Task Reserve(StayReservation reservation)
    {
        EnsureExists();
        if (reservation.CheckOut <= reservation.CheckIn)
        {
            throw new DomainValidationException("checkOut", "Check-out must be after check-in.");
        }

        var now = time.GetUtcNow();
        if (Find(reservation.BookingId, now) is { } existing)
        {
            if (existing.CheckIn == reservation.CheckIn && existing.CheckOut == reservation.CheckOut)
            {
                return;
            }

            throw new ConflictException($"Booking '{reservation.BookingId}' already has other nights in room '{roomId}'.");
        }

        EnsureBookable(reservation.CheckIn, reservation.CheckOut, reservation.BookingId, now);
        await KeepAsync(
            new StayRecord
            {
                BookingId = reservation.BookingId,
                CheckIn = reservation.CheckIn,
                CheckOut = reservation.CheckOut,
                Kind = reservation.HoldUntil is null ? StayKind.Booked : StayKind.Hold,
                HoldUntil = reservation.HoldUntil,
            },
            now);
    }

    public Task Confirm(string bookingId)
    {
        EnsureExists();
        var stay = Find(bookingId, time.GetUtcNow())
            ?? throw new RoomUnavailableException($"Room '{roomId}' no longer holds booking '{bookingId}': the hold lapsed.");
        if (stay.Kind != StayKind.Hold)
        {
            return Task.CompletedTask;
        }

        stay.Kind = StayKind.Booked;
        stay.HoldUntil = null;
        return Task.CompletedTask;
    }

    public Task Release(string bookingId)
    {
        EnsureExists();
        State.Stays.RemoveAll(s => s.BookingId == bookingId);
        return Task.CompletedTask;
    }

    public Task ChangeDates(string bookingId, DateOnly checkIn, DateOnly checkOut)
    {
        EnsureExists();
        if (checkOut <= checkIn)
        {
            throw new DomainValidationException("checkOut", "Check-out must be after check-in.");
        }

        var now = time.GetUtcNow();
        var stay = Find(bookingId, now)
            ?? throw new RoomUnavailableException($"Room '{roomId}' no longer holds booking '{bookingId}'.");
        if (stay.CheckIn != checkIn || stay.CheckOut != checkOut)
        {
            EnsureBookable(checkIn, checkOut, bookingId, now);
            stay.CheckIn = checkIn;
            stay.CheckOut = checkOut;
        }

        return Task.CompletedTask;
    }

    public Task CheckIn(string bookingId)
    {
        EnsureExists();
        var stay = Find(bookingId, time.GetUtcNow())
            ?? throw new InvalidTransitionException($"Room '{roomId}' has no stay for booking '{bookingId}'.");
        if (stay.Kind == StayKind.InHouse)
        {
            return Task.CompletedTask;
        }

        if (stay.Kind != StayKind.Booked)
        {
            throw new InvalidTransitionException($"The stay in room '{roomId}' is {stay.Kind}, not booked.");
        }

        if (State.Housekeeping is not (Housekeeping.Clean or Housekeeping.Inspected))
        {
            throw new RoomNotReadyException($"Room '{roomId}' is {State.Housekeeping}; it must be clean or inspected before check-in.");
        }

        stay.Kind = StayKind.InHouse;
        return Task.CompletedTask;
    }

    public async Task<RoomStay> CheckOut(string bookingId, DateOnly today)
    {
        EnsureExists();
        var stay = Find(bookingId, time.GetUtcNow())
            ?? throw new InvalidTransitionException($"Room '{roomId}' has no stay for booking '{bookingId}'.");
        if (stay.Kind == StayKind.Departed)
        {
            return stay.ToView();
        }

        if (stay.Kind != StayKind.InHouse)
        {
            throw new InvalidTransitionException($"The stay in room '{roomId}' is {stay.Kind}, not in house.");
        }

        stay.Kind = StayKind.Departed;
        // Leaving early frees the nights not slept; the nights slept stay on record.
        if (today < stay.CheckOut)
        {
            stay.CheckOut = today > stay.CheckIn ? today : stay.CheckIn.AddDays(1);
        }

        ForgetOldDepartures(today);
        if (State.Housekeeping != Housekeeping.Dirty)
        {
            ChangeHousekeeping(Housekeeping.Dirty);
            await SaveAsync();
        }

        return stay.ToView();
    }

    public async Task Reload(string bookingId)
    {
        EnsureExists();
        var table = await staysTable.ReadAsync(Key, DepartedSince, CancellationToken.None);
        State.Stays.RemoveAll(s => s.BookingId == bookingId);
        var known = State.Stays.Select(s => s.BookingId).ToHashSet(StringComparer.Ordinal);
        State.Stays.AddRange(table.Where(s => !known.Contains(s.BookingId)));
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != HoldWatch)
        {
            return;
        }

        var now = time.GetUtcNow();
        foreach (var hold in State.Stays.Where(s => s.Kind == StayKind.Hold && s.HoldUntil - options.Value.RoomHoldGrace <= now).ToList())
        {
            // One-way: the booking lets go of this room as it expires, which would otherwise wait behind this turn.
            _ = GrainFactory.GetGrain<IBookingGrain>(GrainKeys.Booking(org, hold.BookingId)).ExpireHoldIfDue();
            if (!hold.IsLive(now))
            {
                State.Stays.Remove(hold);
            }
        }

        if (!State.Stays.Exists(s => s.Kind == StayKind.Hold) && await this.GetReminder(HoldWatch) is { } watch)
        {
            await this.UnregisterReminder(watch);
            watchingHolds = false;
        }
    }

    public async Task Restore(RoomStay stay)
    {
        EnsureExists();
        if (stay.CheckOut <= stay.CheckIn)
        {
            throw new DomainValidationException("checkOut", "Check-out must be after check-in.");
        }

        if (stay.Kind == StayKind.Hold && stay.HoldUntil is null)
        {
            throw new DomainValidationException("holdUntil", "A hold needs the time it lapses.");
        }

        var now = time.GetUtcNow();
        if (State.Stays.Find(s => s.BookingId == stay.BookingId) is { } existing)
        {
            // A retried import finds its own stay: the same one is fine, another one is not.
            if (existing.ToView() == stay)
            {
                return;
            }

            throw new ConflictException($"Booking '{stay.BookingId}' already has other nights in room '{roomId}'.");
        }

        // Unlike a new booking, an imported stay may be in the past or in a room now out of order or
        // retired: it happened. Only the rule that matters most still holds: one stay (or block) a night.
        if (State.Stays.Any(s => s.IsLive(now) && s.Overlaps(stay.CheckIn, stay.CheckOut)) || IsBlocked(stay.CheckIn, stay.CheckOut))
        {
            throw new RoomUnavailableException($"Room '{roomId}' is already taken for some nights from {stay.CheckIn:yyyy-MM-dd} to {stay.CheckOut:yyyy-MM-dd}.");
        }

        // The booking writes the stay's row in its own transaction, as for any other stay.
        await KeepAsync(
            new StayRecord
            {
                BookingId = stay.BookingId,
                CheckIn = stay.CheckIn,
                CheckOut = stay.CheckOut,
                Kind = stay.Kind,
                HoldUntil = stay.Kind == StayKind.Hold ? stay.HoldUntil : null,
            },
            now);
    }

    public async Task RestoreBlock(RoomBlock block)
    {
        EnsureExists();
        var errors = new FieldErrors();
        errors.Block(block.From, block.To, block.Kind, block.Reason);
        if (!RoomBlock.TryNumber(block.Id, out var number))
        {
            errors.Add("id", "Use a whole number from 1, as a room numbers its blocks.");
        }

        errors.ThrowIfAny();
        if (State.Blocks.Find(b => b.Id == block.Id) is { } existing)
        {
            // A retried import finds its own block: the same one is fine, another one is not.
            if (existing == block)
            {
                return;
            }

            throw new ConflictException($"Room '{roomId}' already has another block '{block.Id}'.");
        }

        // Unlike a new block, an imported one may be in the past or on a room since retired: it happened.
        // Only the rule that matters most still holds: one stay or block a night.
        var now = time.GetUtcNow();
        if (State.Blocks.Find(b => b.Overlaps(block.From, block.To)) is { } other)
        {
            throw new ConflictException($"Room '{roomId}' is already blocked from {other.From:yyyy-MM-dd} to {other.To:yyyy-MM-dd} (block '{other.Id}').");
        }

        RefuseStayUnder(block.From, block.To, now);
        // New blocks are numbered after every block the room ever had, imported ones too.
        State.LastBlock = Math.Max(State.LastBlock, number);
        await KeepBlockAsync(block, now);
    }

    private void RefuseStayUnder(DateOnly from, DateOnly to, DateTimeOffset now)
    {
        if (State.Stays.Find(s => s.IsLive(now) && s.Overlaps(from, to)) is { } stay)
        {
            throw new ConflictException(
                $"Room '{roomId}' has a stay from {stay.CheckIn:yyyy-MM-dd} to {stay.CheckOut:yyyy-MM-dd} (booking '{stay.BookingId}', {stay.Kind}); move or cancel it first.");
        }
    }

    /// <summary>
    /// Puts a block on the calendar: in the room's state, on the board stream and as a row of the stays
    /// table, in one transaction. The table's constraint may still find a stay the room does not keep in
    /// memory (written by another activation, or departed long ago): the room learns it and refuses.
    /// </summary>
    private async Task KeepBlockAsync(RoomBlock block, DateTimeOffset now)
    {
        State.Blocks.Add(block);
        room.RaiseEvent(BoardStream.Of(org, propertyId), new RoomBlocked(propertyId, roomId, block.Id, block.From, block.To, block.Kind, block.Reason));
        room.Enlist(new BlockRows(Key).Save(block, now));
        try
        {
            await SaveAsync();
        }
        catch (PostgresException failure) when (failure.SqlState == PostgresErrorCodes.ExclusionViolation)
        {
            State.Stays = await staysTable.ReadAsync(Key, DepartedSince, CancellationToken.None);
            throw new ConflictException($"Room '{roomId}' has a stay on some nights from {block.From:yyyy-MM-dd} to {block.To:yyyy-MM-dd}; move or cancel it first.");
        }
    }

    public Task<bool> IsFree(DateOnly checkIn, DateOnly checkOut)
    {
        var now = time.GetUtcNow();
        return Task.FromResult(State.Exists && !State.Retired && State.Housekeeping != Housekeeping.OutOfOrder
            && !IsBlocked(checkIn, checkOut) && !State.Stays.Any(s => s.IsLive(now) && s.Overlaps(checkIn, checkOut)));
    }

    private string Key => this.GetPrimaryKeyString();

    private void EnsureExists()
    {
        if (!State.Exists)
        {
            throw new NotFoundException($"Room '{roomId}' does not exist in property '{propertyId}'.");
        }
    }

    private void EnsureBookable(DateOnly checkIn, DateOnly checkOut, string bookingId, DateTimeOffset now)
    {
        if (State.Retired)
        {
            throw new RoomUnavailableException($"Room '{roomId}' is retired.");
        }

        if (State.Housekeeping == Housekeeping.OutOfOrder)
        {
            throw new RoomUnavailableException($"Room '{roomId}' is out of order.");
        }

        // A block is refused like a stay: the guest learns the room is taken, not the manager's reason.
        if (IsBlocked(checkIn, checkOut) || State.Stays.Any(s => s.BookingId != bookingId && s.IsLive(now) && s.Overlaps(checkIn, checkOut)))
        {
            throw new RoomUnavailableException($"Room '{roomId}' is already taken for some nights from {checkIn:yyyy-MM-dd} to {checkOut:yyyy-MM-dd}.");
        }
    }

    private bool IsBlocked(DateOnly checkIn, DateOnly checkOut) => State.Blocks.Exists(b => b.Overlaps(checkIn, checkOut));

    private StayRecord? Find(string bookingId, DateTimeOffset now) =>
        State.Stays.Find(s => s.BookingId == bookingId && s.IsLive(now));

    // Stays that left long ago live on in their bookings and the stays table, not in the room's memory.
    private void ForgetOldDepartures(DateOnly today)
    {
        var horizon = today.AddDays(-StayLimits.DepartedDaysKept);
        State.Stays.RemoveAll(s => s.Kind == StayKind.Departed && s.CheckOut < horizon);
    }

    /// <summary>The booking's stay in this room's calendar from now on (its only one); a hold puts the hold watch on record first.</summary>
    private async Task KeepAsync(StayRecord stay, DateTimeOffset now)
    {
        if (stay is { Kind: StayKind.Hold, HoldUntil: { } holdUntil })
        {
            await WatchHolds(holdUntil - options.Value.RoomHoldGrace - now);
        }

        State.Stays.RemoveAll(s => s.BookingId == stay.BookingId);
        State.Stays.Add(stay);
    }

    /// <summary>
    /// Puts a reminder on record that wakes the room (after a restart too) to expire the bookings of
    /// holds left unconfirmed; the bookings' own timers do it on time while they stay active.
    /// </summary>
    private async Task WatchHolds(TimeSpan due)
    {
        if (!watchingHolds)
        {
            await this.RegisterOrUpdateReminder(HoldWatch, due > TimeSpan.Zero ? due : TimeSpan.Zero, TimeSpan.FromMinutes(1));
            watchingHolds = true;
        }
    }

    private void ChangeHousekeeping(Housekeeping status)
    {
        if (State.Housekeeping == status)
        {
            return;
        }

        room.RaiseEvent(BoardStream.Of(org, propertyId), new RoomStatusChanged(propertyId, roomId, State.Housekeeping, status));
        State.Housekeeping = status;
    }

    private async Task SaveAsync()
    {
        // The calendar is not stored with the state: a failed write puts the stored state back, and
        // without this the room would forget its stays and accept blocks, retirement or stays over them.
        var stays = State.Stays;
        try
        {
            await room.WriteStateAsync();
        }
        catch
        {
            State.Stays = stays;
            throw;
        }
    }

    private RoomView View()
    {
        var now = time.GetUtcNow();
        return new RoomView(
            roomId,
            State.Name,
            State.RoomType,
            State.Retired,
            State.Housekeeping,
            [.. State.Stays.Where(s => s.IsLive(now)).OrderBy(s => s.CheckIn).Select(s => s.ToView())],
            [.. State.Blocks.OrderBy(b => b.From)]);
    }
}
