using Npgsql;

namespace Actors.Grains.Figures;

internal sealed class PostgresFiguresStaysTable(NpgsqlDataSource dataSource) : IFiguresStaysTable
{
    private const string Read =
        "SELECT booking_id, room_id, check_in, check_out, nights_booked, total, stage FROM figures_stays WHERE figures_key = $1";

    public async Task<Dictionary<string, FiguresStay>> ReadAsync(string figuresKey, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Read);
        command.Parameters.Add(new() { Value = figuresKey });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var stays = new Dictionary<string, FiguresStay>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            stays[reader.GetString(0)] = new FiguresStay
            {
                RoomId = reader.GetString(1),
                CheckIn = reader.GetFieldValue<DateOnly>(2),
                CheckOut = reader.GetFieldValue<DateOnly>(3),
                NightsBooked = reader.GetInt32(4),
                Total = reader.GetDecimal(5),
                Stage = Enum.Parse<FiguresStage>(reader.GetString(6)),
            };
        }

        return stays;
    }
}
