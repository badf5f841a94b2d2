using Actors.Persistence.EventLog;
using Npgsql;
using NpgsqlTypes;

namespace Actors.Persistence.Streams;

internal sealed class PostgresStreamPositions(NpgsqlDataSource dataSource) : IStreamPositions
{
    private const string Read = """
        SELECT p.stream_namespace, p.stream_key, p.delivered
        FROM stream_positions p JOIN event_streams s USING (stream_namespace, stream_key)
        WHERE p.provider = $1 AND (s.partition_hash & 2147483647) % $3 = $2
        """;

    private const string Save = """
        INSERT INTO stream_positions (provider, stream_namespace, stream_key, delivered)
        SELECT $1, w.ns, w.key, w.delivered FROM unnest($2::text[], $3::text[], $4::bigint[]) AS w(ns, key, delivered)
        ON CONFLICT (provider, stream_namespace, stream_key)
        DO UPDATE SET delivered = GREATEST(stream_positions.delivered, EXCLUDED.delivered)
        """;

    public async Task<IReadOnlyDictionary<EventStream, long>> ReadAsync(string provider, int partition, int partitions, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Read);
        command.Parameters.Add(new() { Value = provider });
        command.Parameters.Add(new() { Value = partition });
        command.Parameters.Add(new() { Value = partitions });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var positions = new Dictionary<EventStream, long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            positions[new EventStream(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
        }

        return positions;
    }

    public async Task SaveAsync(string provider, IReadOnlyDictionary<EventStream, long> delivered, CancellationToken cancellationToken)
    {
        if (delivered.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(Save);
        command.Parameters.Add(new() { Value = provider });
        command.Parameters.Add(new() { Value = delivered.Keys.Select(s => s.Namespace).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = delivered.Keys.Select(s => s.Key).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = delivered.Values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
