using Actors.Grains.Abstractions.Rooms;
using Npgsql;
using NpgsqlTypes;

namespace Actors.Grains.Rooms;

internal sealed class PostgresStaysTable(NpgsqlDataSource dataSource) : IStaysTable
{
    private const string Read = """
        SELECT booking_id, lower(nights), upper(nights), kind, hold_until FROM stays
        WHERE room_key = $1 AND kind <> 'Block' AND (kind <> 'Departed' OR upper(nights) >= $2)
        """;

    public async Task<List<StayRecord>> ReadAsync(string roomKey, DateOnly departedSince, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Read);
        command.Parameters.Add(new() { Value = roomKey });
        command.Parameters.Add(new() { Value = departedSince, NpgsqlDbType = NpgsqlDbType.Date });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var stays = new List<StayRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            stays.Add(new StayRecord
            {
                BookingId = reader.GetString(0),
                CheckIn = reader.GetFieldValue<DateOnly>(1),
                CheckOut = reader.GetFieldValue<DateOnly>(2),
                Kind = Enum.Parse<StayKind>(reader.GetString(3)),
                HoldUntil = reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
            });
        }

        return stays;
    }
}
