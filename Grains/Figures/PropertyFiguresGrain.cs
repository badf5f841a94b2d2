using System.Text.Json;
using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Events;
using Actors.Grains.Abstractions.Figures;
using Actors.Grains.Abstractions.Rooms;
using Actors.Persistence.EventLog;
using Actors.Persistence.State;
using Actors.Persistence.Streams;
using Actors.Persistence.Streams.Consumers;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Streams;

namespace Actors.Grains.Figures;

/// <summary>
/// A property's nightly figures, built from the property's event stream (every event since the first,
/// each applied once), so they never need a query over the bookings.
/// </summary>
[GrainType("property-figures")]
[ImplicitStreamSubscription(BoardStream.Namespace)]
public sealed class PropertyFiguresGrain(
    [OutboxState("figures")] IOutboxState<Consumed<PropertyFiguresState>> figures,
    IFiguresStaysTable staysTable,
    IEventLog log,
    IDeadLetters deadLetters,
    TimeProvider time,
    ILogger<PropertyFiguresGrain> logger)
    : EventLogConsumer<PropertyFiguresState>(figures, log, deadLetters, logger), IPropertyFiguresGrain
{
    // Stays applied since the last write: only their rows are written with it.
    private readonly HashSet<string> changedStays = new(StringComparer.Ordinal);

    private EventStream Stream => new(BoardStream.Namespace, this.GetPrimaryKeyString());

    protected override async Task OnStateReadAsync(CancellationToken cancellationToken)
    {
        changedStays.Clear();
        if (Data.EarlierStays is { } earlier)
        {
            // Stored before the stays had their own table: every one of them is written there next time.
            Data.Stays = earlier;
            Data.EarlierStays = null;
            changedStays.UnionWith(earlier.Keys);
            return;
        }

        Data.Stays = await staysTable.ReadAsync(this.GetPrimaryKeyString(), cancellationToken);
    }

    protected override void OnStoring()
    {
        if (changedStays.Count > 0)
        {
            Enlist(FiguresStayRows.Of(this.GetPrimaryKeyString(), changedStays, Data.Stays));
            changedStays.Clear();
        }
    }

    public async Task<PropertyFigures> GetAsync(DateOnly from, DateOnly to)
    {
        // Answer as of every event committed before the question, even one the stream has not brought yet.
        await CatchUpAsync(Stream);
        return Compute(from, to);
    }

    public async Task<PropertyFigures> GetTonightAsync()
    {
        await CatchUpAsync(Stream);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Data.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        return Compute(today, today.AddDays(1));
    }

    public async Task<IReadOnlyList<string>?> GetUnsellableRoomsAsync(DateOnly checkIn, DateOnly checkOut)
    {
        // As of every event committed before the question (one look at the log's end): a guest who just
        // held a room, or a manager who just took one out of order, sees it in the next search.
        await CatchUpAsync(Stream);
        // Sized for every room at once: grown step by step it allocated several times over per search.
        var unsellable = new HashSet<string>(Data.OutOfOrder.Count, StringComparer.Ordinal);
        foreach (var stay in Data.Stays.Values)
        {
            if (stay.Overlaps(checkIn, checkOut))
            {
                if (stay.RoomId.Length == 0)
                {
                    return null;
                }

                unsellable.Add(stay.RoomId);
            }
        }

        foreach (var (roomId, outOfOrder) in Data.OutOfOrder)
        {
            if (outOfOrder)
            {
                unsellable.Add(roomId);
            }
        }

        foreach (var block in Data.Blocks.Values)
        {
            if (block.Overlaps(checkIn, checkOut))
            {
                unsellable.Add(block.RoomId);
            }
        }

        return [.. unsellable];
    }

    private PropertyFigures Compute(DateOnly from, DateOnly to)
    {
        var rooms = Data.OutOfOrder.Count;
        var outOfOrderRooms = Data.OutOfOrder.Where(r => r.Value).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var blocks = Data.Blocks.Values.Where(b => b.OutOfOrder && b.Overlaps(from, to)).ToList();
        var nights = new List<NightFigures>();
        for (var night = from; night < to; night = night.AddDays(1))
        {
            // A room out of order by its status and by a block that night counts once.
            var blocked = blocks.Where(b => b.Covers(night) && !outOfOrderRooms.Contains(b.RoomId)).Select(b => b.RoomId).Distinct(StringComparer.Ordinal).Count();
            var outOfOrder = outOfOrderRooms.Count + blocked;
            var sold = Data.Stays.Values.Where(s => s.Sold && s.Covers(night)).ToList();
            var revenue = Math.Round(sold.Sum(s => s.NightlyRevenue), 2);
            var toSell = rooms - outOfOrder;
            nights.Add(new NightFigures(
                night,
                rooms,
                outOfOrder,
                sold.Count,
                toSell == 0 ? 0 : Math.Round((decimal)sold.Count / toSell, 4),
                revenue,
                sold.Count == 0 ? 0 : Math.Round(revenue / sold.Count, 2),
                toSell == 0 ? 0 : Math.Round(revenue / toSell, 2),
                Data.Stays.Values.Count(s => s.Sold && s.CheckIn == night),
                Data.Stays.Values.Count(s => s.Sold && s.CheckOut == night),
                sold.Count(s => s.Stage is FiguresStage.InHouse or FiguresStage.Departed)));
        }

        return new PropertyFigures(Data.Currency, AppliedThrough, nights);
    }

    protected override Task ApplyAsync(RecordedEvent recorded)
    {
        Apply(recorded);
        return Task.CompletedTask;
    }

    private void Apply(RecordedEvent recorded)
    {
        switch (recorded.EventType)
        {
            case nameof(PropertyCreated):
                Data.TimeZone = Read<PropertyCreated>(recorded).Settings.TimeZone;
                break;
            case nameof(PropertySettingsChanged):
                Data.TimeZone = Read<PropertySettingsChanged>(recorded).Settings.TimeZone;
                break;
            case nameof(RoomAdded):
                Data.OutOfOrder[Read<RoomAdded>(recorded).RoomId] = false;
                break;
            case nameof(RoomRetired):
                var retired = Read<RoomRetired>(recorded).RoomId;
                Data.OutOfOrder.Remove(retired);
                foreach (var key in Data.Blocks.Where(b => b.Value.RoomId == retired).Select(b => b.Key).ToList())
                {
                    Data.Blocks.Remove(key);
                }

                break;
            case nameof(RoomBlocked):
                var block = Read<RoomBlocked>(recorded);
                Data.Blocks[$"{block.RoomId}/{block.BlockId}"] = new FiguresBlock
                {
                    RoomId = block.RoomId,
                    From = block.From,
                    To = block.To,
                    OutOfOrder = block.Kind == BlockKinds.OutOfOrder,
                };
                break;
            case nameof(RoomUnblocked):
                var unblocked = Read<RoomUnblocked>(recorded);
                Data.Blocks.Remove($"{unblocked.RoomId}/{unblocked.BlockId}");
                break;
            case nameof(RoomStatusChanged):
                var status = Read<RoomStatusChanged>(recorded);
                if (Data.OutOfOrder.ContainsKey(status.RoomId))
                {
                    Data.OutOfOrder[status.RoomId] = status.To == Housekeeping.OutOfOrder;
                }

                break;
            case nameof(BookingHeld):
                var held = Read<BookingHeld>(recorded);
                Data.Currency = held.Currency;
                changedStays.Add(held.BookingId);
                Data.Stays[held.BookingId] = new FiguresStay
                {
                    RoomId = held.RoomId,
                    CheckIn = held.CheckIn,
                    CheckOut = held.CheckOut,
                    NightsBooked = held.CheckOut.DayNumber - held.CheckIn.DayNumber,
                    Total = held.Total,
                    Stage = FiguresStage.Held,
                };
                break;
            case nameof(BookingMoved):
                var moved = Read<BookingMoved>(recorded);
                changedStays.Add(moved.BookingId);
                if (Data.Stays.TryGetValue(moved.BookingId, out var movedStay))
                {
                    movedStay.RoomId = moved.ToRoomId;
                }

                break;
            case nameof(BookingConfirmed):
                Move(Read<BookingConfirmed>(recorded).BookingId, FiguresStage.Confirmed);
                break;
            case nameof(GuestCheckedIn):
                Move(Read<GuestCheckedIn>(recorded).BookingId, FiguresStage.InHouse);
                break;
            case nameof(GuestCheckedOut):
                var departed = Read<GuestCheckedOut>(recorded);
                if (Move(departed.BookingId, FiguresStage.Departed) is { } left && departed.Departed > left.CheckIn && departed.Departed < left.CheckOut)
                {
                    left.CheckOut = departed.Departed;
                }

                break;
            case nameof(BookingDatesChanged):
                var changed = Read<BookingDatesChanged>(recorded);
                changedStays.Add(changed.BookingId);
                if (Data.Stays.TryGetValue(changed.BookingId, out var stay))
                {
                    (stay.CheckIn, stay.CheckOut, stay.Total) = (changed.CheckIn, changed.CheckOut, changed.Total);
                    stay.NightsBooked = changed.CheckOut.DayNumber - changed.CheckIn.DayNumber;
                }

                break;
            case nameof(BookingCancelled):
                Forget(Read<BookingCancelled>(recorded).BookingId);
                break;
            case nameof(BookingExpired):
                Forget(Read<BookingExpired>(recorded).BookingId);
                break;
            case nameof(GuestNoShow):
                Forget(Read<GuestNoShow>(recorded).BookingId);
                break;
        }
    }

    private void Forget(string bookingId)
    {
        Data.Stays.Remove(bookingId);
        changedStays.Add(bookingId);
    }

    private FiguresStay? Move(string bookingId, FiguresStage stage)
    {
        changedStays.Add(bookingId);
        if (Data.Stays.TryGetValue(bookingId, out var stay))
        {
            stay.Stage = stage;
        }

        return stay;
    }

    private static T Read<T>(RecordedEvent recorded) =>
        JsonSerializer.Deserialize<T>(recorded.Payload, GrainJson.Options)
        ?? throw new JsonException($"Event {recorded.Stream} #{recorded.Sequence} ({recorded.EventType}) has no body.");
}
