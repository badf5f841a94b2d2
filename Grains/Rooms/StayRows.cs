using Actors.Persistence.State;
using Npgsql;
using NpgsqlTypes;

namespace Actors.Grains.Rooms;

/// <summary>
/// Changes to a room's rows of the stays table, committed in the same transaction as the booking that
/// makes them. The table's exclusion constraint rejects any two stays of a room sharing a night
/// (SQLSTATE 23P01); a hold that lapsed gives way to the stay written over its nights.
/// </summary>
internal sealed class StayRows(string roomKey) : ITransactionalWrite
{
    private const string Upsert = """
        INSERT INTO stays (room_key, booking_id, nights, kind, hold_until) VALUES ($1, $2, daterange($3, $4), $5, $6)
        ON CONFLICT (room_key, booking_id) DO UPDATE SET nights = EXCLUDED.nights, kind = EXCLUDED.kind, hold_until = EXCLUDED.hold_until
        """;

    // Runs just before the upsert (a statement of its own: a constraint check within one statement could still see the deleted rows).
    private const string ClearLapsedHolds =
        "DELETE FROM stays WHERE room_key = $1 AND booking_id <> $2 AND kind = 'Hold' AND hold_until <= $5 AND nights && daterange($3, $4)";

    private const string Delete = "DELETE FROM stays WHERE room_key = $1 AND booking_id = $2";

    private readonly List<(StayRecord? Stay, string BookingId, DateTimeOffset Now)> changes = [];

    /// <summary>Writes the stay as it is now (a copy, so later changes in memory do not leak into this write).</summary>
    public StayRows Save(StayRecord stay, DateTimeOffset now)
    {
        changes.Add((stay.Copy(), stay.BookingId, now));
        return this;
    }

    public StayRows Remove(string bookingId)
    {
        changes.Add((null, bookingId, default));
        return this;
    }

    public IEnumerable<NpgsqlBatchCommand> Commands()
    {
        foreach (var (stay, bookingId, now) in changes)
        {
            if (stay is null)
            {
                yield return Command(Delete, bookingId);
                continue;
            }

            var clear = Command(ClearLapsedHolds, bookingId, stay.CheckIn, stay.CheckOut);
            clear.Parameters.Add(new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            yield return clear;
            var upsert = Command(Upsert, bookingId, stay.CheckIn, stay.CheckOut);
            upsert.Parameters.Add(new() { Value = stay.Kind.ToString() });
            upsert.Parameters.Add(new() { Value = (object?)stay.HoldUntil ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            yield return upsert;
        }
    }

    public void Apply(MemoryTables tables) => tables.Get<MemoryStays>().Apply(roomKey, changes);

    private NpgsqlBatchCommand Command(string sql, string bookingId, DateOnly? checkIn = null, DateOnly? checkOut = null)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new() { Value = roomKey });
        command.Parameters.Add(new() { Value = bookingId });
        if (checkIn is { } from && checkOut is { } to)
        {
            command.Parameters.Add(new() { Value = from, NpgsqlDbType = NpgsqlDbType.Date });
            command.Parameters.Add(new() { Value = to, NpgsqlDbType = NpgsqlDbType.Date });
        }

        return command;
    }
}
