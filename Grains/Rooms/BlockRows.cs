using Actors.Grains.Abstractions.Rooms;
using Actors.Persistence.State;
using Npgsql;
using NpgsqlTypes;

namespace Actors.Grains.Rooms;

/// <summary>
/// A room's blocks as rows of the stays table (kind 'Block', "block:{id}" where a booking id would
/// be), written in the room's own transaction: the table's exclusion constraint then refuses a stay
/// over a block and a block over a stay, even one another activation of the room wrote. The room
/// keeps its blocks in its state; these rows are only the backstop, and reading the calendar skips them.
/// </summary>
internal sealed class BlockRows(string roomKey) : ITransactionalWrite
{
    /// <summary>Where a booking id would be; booking ids never hold ':', so the two never meet.</summary>
    public const string Prefix = "block:";

    private const string Insert = "INSERT INTO stays (room_key, booking_id, nights, kind) VALUES ($1, $2, daterange($3, $4), 'Block')";

    // A lapsed hold the room already let go gives way, as it does to a stay (StayRows).
    private const string ClearLapsedHolds =
        "DELETE FROM stays WHERE room_key = $1 AND booking_id <> $2 AND kind = 'Hold' AND hold_until <= $5 AND nights && daterange($3, $4)";

    private const string Delete = "DELETE FROM stays WHERE room_key = $1 AND booking_id = $2";

    private readonly List<(RoomBlock? Block, string Id, DateTimeOffset Now)> changes = [];

    public static bool IsBlock(string bookingId) => bookingId.StartsWith(Prefix, StringComparison.Ordinal);

    public BlockRows Save(RoomBlock block, DateTimeOffset now)
    {
        changes.Add((block, block.Id, now));
        return this;
    }

    public BlockRows Remove(string blockId)
    {
        changes.Add((null, blockId, default));
        return this;
    }

    public IEnumerable<NpgsqlBatchCommand> Commands()
    {
        foreach (var (block, id, now) in changes)
        {
            if (block is null)
            {
                yield return Command(Delete, id);
                continue;
            }

            var clear = Command(ClearLapsedHolds, id, block);
            clear.Parameters.Add(new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            yield return clear;
            yield return Command(Insert, id, block);
        }
    }

    // The embedded default keeps a block as a stay under its "block:" id, so its overlap check covers both.
    public void Apply(MemoryTables tables) => tables.Get<MemoryStays>().Apply(
        roomKey,
        changes.Select(c => (
            c.Block is { } block ? new StayRecord { BookingId = Prefix + block.Id, CheckIn = block.From, CheckOut = block.To, Kind = StayKind.Booked } : null,
            Prefix + c.Id,
            c.Now)));

    private NpgsqlBatchCommand Command(string sql, string id, RoomBlock? block = null)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new() { Value = roomKey });
        command.Parameters.Add(new() { Value = Prefix + id });
        if (block is not null)
        {
            command.Parameters.Add(new() { Value = block.From, NpgsqlDbType = NpgsqlDbType.Date });
            command.Parameters.Add(new() { Value = block.To, NpgsqlDbType = NpgsqlDbType.Date });
        }

        return command;
    }
}
