using Actors.Persistence.EventLog;
using Npgsql;

namespace Actors.Persistence.Streams;

internal sealed class PostgresDeadLetters(NpgsqlDataSource dataSource) : IDeadLetters
{
    private const string Columns =
        "id, consumer, stream_namespace, stream_key, sequence, event_type, error, attempts, failed_at, replayed_at";

    private const string Add = """
        INSERT INTO dead_letters (consumer, stream_namespace, stream_key, sequence, event_type, error, attempts)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (consumer, stream_namespace, stream_key, sequence)
        DO UPDATE SET error = EXCLUDED.error, attempts = EXCLUDED.attempts, failed_at = now(), replayed_at = NULL
        """;

    public async Task AddAsync(string consumer, RecordedEvent recorded, string error, int attempts, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Add);
        command.Parameters.Add(new() { Value = consumer });
        command.Parameters.Add(new() { Value = recorded.Stream.Namespace });
        command.Parameters.Add(new() { Value = recorded.Stream.Key });
        command.Parameters.Add(new() { Value = recorded.Sequence });
        command.Parameters.Add(new() { Value = recorded.EventType });
        command.Parameters.Add(new() { Value = error });
        command.Parameters.Add(new() { Value = attempts });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DeadLetter>> ListWaitingAsync(int max, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM dead_letters WHERE replayed_at IS NULL ORDER BY id LIMIT $1");
        command.Parameters.Add(new() { Value = max });
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<DeadLetter?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM dead_letters WHERE id = $1");
        command.Parameters.Add(new() { Value = id });
        return (await ReadAllAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<long> CountWaitingAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM dead_letters WHERE replayed_at IS NULL");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task MarkReplayedAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE dead_letters SET replayed_at = now() WHERE id = $1");
        command.Parameters.Add(new() { Value = id });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<DeadLetter>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var letters = new List<DeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
        {
            letters.Add(new DeadLetter(
                reader.GetInt64(0), reader.GetString(1), new EventStream(reader.GetString(2), reader.GetString(3)),
                reader.GetInt64(4), reader.GetString(5), reader.GetString(6), reader.GetInt32(7),
                reader.GetFieldValue<DateTimeOffset>(8), reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9)));
        }

        return letters;
    }
}
