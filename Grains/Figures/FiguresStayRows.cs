using Actors.Persistence.State;
using Npgsql;
using NpgsqlTypes;

namespace Actors.Grains.Figures;

/// <summary>
/// The figures' stays that changed since the last write, committed with the figures consumer's state:
/// rows for those kept, deletions for those gone. Each stay is copied as it is when the write is made.
/// </summary>
internal sealed class FiguresStayRows(string figuresKey, IReadOnlyList<(string BookingId, FiguresStay? Stay)> changes) : ITransactionalWrite
{
    private const string Upsert = """
        INSERT INTO figures_stays (figures_key, booking_id, room_id, check_in, check_out, nights_booked, total, stage)
        SELECT $1, s.* FROM unnest($2::text[], $3::text[], $4::date[], $5::date[], $6::int[], $7::numeric[], $8::text[]) AS s
        ON CONFLICT (figures_key, booking_id) DO UPDATE SET room_id = EXCLUDED.room_id, check_in = EXCLUDED.check_in,
            check_out = EXCLUDED.check_out, nights_booked = EXCLUDED.nights_booked, total = EXCLUDED.total, stage = EXCLUDED.stage
        """;

    private const string Delete = "DELETE FROM figures_stays WHERE figures_key = $1 AND booking_id = ANY($2)";

    public static FiguresStayRows Of(string figuresKey, IEnumerable<string> changed, IReadOnlyDictionary<string, FiguresStay> stays) =>
        new(figuresKey, [.. changed.Select(id => (id, stays.GetValueOrDefault(id)?.Copy()))]);

    public IEnumerable<NpgsqlBatchCommand> Commands()
    {
        var kept = changes.Where(c => c.Stay is not null).Select(c => (c.BookingId, Stay: c.Stay!)).ToList();
        if (kept.Count > 0)
        {
            var upsert = new NpgsqlBatchCommand(Upsert);
            upsert.Parameters.Add(new() { Value = figuresKey });
            upsert.Parameters.Add(Array(kept.Select(k => k.BookingId), NpgsqlDbType.Text));
            upsert.Parameters.Add(Array(kept.Select(k => k.Stay.RoomId), NpgsqlDbType.Text));
            upsert.Parameters.Add(Array(kept.Select(k => k.Stay.CheckIn), NpgsqlDbType.Date));
            upsert.Parameters.Add(Array(kept.Select(k => k.Stay.CheckOut), NpgsqlDbType.Date));
            upsert.Parameters.Add(Array(kept.Select(k => k.Stay.NightsBooked), NpgsqlDbType.Integer));
            upsert.Parameters.Add(Array(kept.Select(k => k.Stay.Total), NpgsqlDbType.Numeric));
            upsert.Parameters.Add(Array(kept.Select(k => k.Stay.Stage.ToString()), NpgsqlDbType.Text));
            yield return upsert;
        }

        var gone = changes.Where(c => c.Stay is null).Select(c => c.BookingId).ToArray();
        if (gone.Length > 0)
        {
            var delete = new NpgsqlBatchCommand(Delete);
            delete.Parameters.Add(new() { Value = figuresKey });
            delete.Parameters.Add(new() { Value = gone, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            yield return delete;
        }
    }

    public void Apply(MemoryTables tables) => tables.Get<MemoryFiguresStays>().Apply(figuresKey, changes);

    private static NpgsqlParameter Array<T>(IEnumerable<T> values, NpgsqlDbType type) =>
        new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | type };
}
