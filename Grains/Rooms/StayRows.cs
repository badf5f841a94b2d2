using Actors.Persistence.State;
using Npgsql;
using NpgsqlTypes;

namespace Actors.Grains.Rooms;

/// <summary>
/// The room's changes to the stays table, committed in the same transaction as the room's state.
/// The table's exclusion constraint rejects any two stays of a room sharing a night (SQLSTATE 23P01).
/// </summary>
internal sealed class StayRows(string roomKey) : ITransactionalWrite
{
    private const string Upsert = """
        INSERT INTO stays (room_key, booking_id, nights, kind, hold_until) VALUES ($1, $2, daterange($3, $4), $5, $6)
        ON CONFLICT (room_key, booking_id) DO UPDATE SET nights = EXCLUDED.nights, kind = EXCLUDED.kind, hold_until = EXCLUDED.hold_until
        """;

    private const string Delete = "DELETE FROM stays WHERE room_key = $1 AND booking_id = $2";

    // In the order made: a lapsed hold must be deleted before a stay over its nights is written.
    private readonly List<(StayRecord? Stay, string BookingId)> changes = [];

    public bool IsEmpty => changes.Count == 0;

    /// <summary>Writes the stay as it is now (a copy, so later changes in memory do not leak into this write).</summary>
    public void Save(StayRecord stay) => changes.Add((stay.Copy(), stay.BookingId));

    public void Remove(string bookingId) => changes.Add((null, bookingId));

    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (stay, bookingId) in changes)
        {
            var command = new NpgsqlBatchCommand(stay is null ? Delete : Upsert);
            command.Parameters.Add(new() { Value = roomKey });
            command.Parameters.Add(new() { Value = bookingId });
            if (stay is not null)
            {
                command.Parameters.Add(new() { Value = stay.CheckIn, NpgsqlDbType = NpgsqlDbType.Date });
                command.Parameters.Add(new() { Value = stay.CheckOut, NpgsqlDbType = NpgsqlDbType.Date });
                command.Parameters.Add(new() { Value = stay.Kind.ToString() });
                command.Parameters.Add(new() { Value = (object?)stay.HoldUntil ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public void Apply(MemoryTables tables) => tables.Get<MemoryStays>().Apply(roomKey, changes);
}
