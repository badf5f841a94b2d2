using Actors.Persistence.EventLog;
using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Orleans.Runtime;
using Orleans.Storage;

namespace Actors.Persistence.State;

/// <summary>
/// Grain state and the event log in PostgreSQL. A write is one transaction: the state row (guarded
/// by its version), the events appended to their streams, and any enlisted rows.
/// </summary>
public sealed class PostgresOutboxStore(NpgsqlDataSource dataSource) : IOutboxStore, IEventLog
{
    private const string Read =
        "SELECT version, payload::text FROM grain_state WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3";

    // A stale version raises (SQLSTATE AS001) rather than touching nothing, failing the whole batch.
    private const string InsertChecked = """
        WITH written AS (
            INSERT INTO grain_state (grain_type, grain_key, state_name, version, payload) VALUES ($1, $2, $3, 1, $4::jsonb)
            ON CONFLICT DO NOTHING RETURNING version)
        SELECT CASE WHEN count(*) = 1 THEN 1 ELSE stale_grain_state($1, $2, $3) END FROM written
        """;

    private const string UpdateChecked = """
        WITH written AS (
            UPDATE grain_state SET version = version + 1, payload = $4::jsonb, updated_at = now()
            WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3 AND version = $5 RETURNING version)
        SELECT CASE WHEN count(*) = 1 THEN 1 ELSE stale_grain_state($1, $2, $3) END FROM written
        """;

    private const string StaleState = "AS001";

    private const string Delete =
        "DELETE FROM grain_state WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3 AND version = $4";

    // Bumping the stream's counter row locks it until commit, so sequence numbers become visible in order.
    private const string Append = """
        WITH stream AS (
            INSERT INTO event_streams AS s (stream_namespace, stream_key, last_sequence) VALUES ($1, $2, $3)
            ON CONFLICT (stream_namespace, stream_key) DO UPDATE SET last_sequence = s.last_sequence + EXCLUDED.last_sequence
            RETURNING last_sequence)
        INSERT INTO event_log (stream_namespace, stream_key, sequence, event_type, payload, grain_type, grain_key)
        SELECT $1, $2, stream.last_sequence - $3 + e.ord, e.event_type, e.payload::jsonb, $6, $7
        FROM stream, unnest($4::text[], $5::text[]) WITH ORDINALITY AS e(event_type, payload, ord)
        """;

    private const string ReadLastSequence =
        "SELECT last_sequence FROM event_streams WHERE stream_namespace = $1 AND stream_key = $2";

    private const string ReadLastSequences =
        "SELECT s.stream_namespace, s.stream_key, s.last_sequence FROM event_streams s "
        + "JOIN unnest($1::text[], $2::text[]) AS w(ns, key) ON s.stream_namespace = w.ns AND s.stream_key = w.key";

    private const string ReadPartition =
        "SELECT stream_namespace, stream_key, last_sequence FROM event_streams WHERE (partition_hash & 2147483647) % $2 = $1";

    private const string ReadEvents =
        "SELECT sequence, event_type, payload::text, recorded_at FROM event_log "
        + "WHERE stream_namespace = $1 AND stream_key = $2 AND sequence > $3 ORDER BY sequence LIMIT $4";

    public bool IsDurable => true;

    public async Task<StoredState?> ReadAsync(GrainId grain, string stateName, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Read);
        command.Parameters.Add(new() { Value = grain.Type.ToString() });
        command.Parameters.Add(new() { Value = grain.Key.ToString() });
        command.Parameters.Add(new() { Value = stateName });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StoredState(Encoding.UTF8.GetBytes(reader.GetString(1)), Etag(reader.GetInt64(0)));
    }

    public async Task<string> WriteAsync(StateWrite write, CancellationToken cancellationToken)
    {
        long? expected = write.ExpectedEtag is null ? null : long.Parse(write.ExpectedEtag, CultureInfo.InvariantCulture);

        // One batch, one round trip: without an explicit transaction PostgreSQL runs it as one implicit
        // transaction, so the state, the events and the enlisted rows commit together or not at all.
        await using var batch = dataSource.CreateBatch();
        var state = new NpgsqlBatchCommand(expected is null ? InsertChecked : UpdateChecked);
        AddKey(state.Parameters, write.Grain, write.StateName);
        state.Parameters.Add(new() { Value = Encoding.UTF8.GetString(write.Payload) });
        if (expected is { } version)
        {
            state.Parameters.Add(new() { Value = version });
        }

        batch.BatchCommands.Add(state);
        // One statement per stream, always in the same order, so two writers cannot deadlock on stream rows.
        foreach (var stream in write.Events.GroupBy(e => e.Stream).OrderBy(g => g.Key.Namespace, StringComparer.Ordinal).ThenBy(g => g.Key.Key, StringComparer.Ordinal))
        {
            batch.BatchCommands.Add(AppendCommand(stream.Key, [.. stream], write.Grain));
            batch.BatchCommands.Add(PostgresEventListener.NotifyCommand(stream.Key));
        }

        foreach (var command in write.Enlisted.SelectMany(e => e.Commands()))
        {
            batch.BatchCommands.Add(command);
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException stale) when (stale.SqlState == StaleState)
        {
            throw Conflict(write);
        }

        return Etag((expected ?? 0) + 1);
    }

    public async Task ClearAsync(GrainId grain, string stateName, string? etag, CancellationToken cancellationToken)
    {
        if (etag is null)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(Delete);
        AddKey(command.Parameters, grain, stateName);
        command.Parameters.Add(new() { Value = long.Parse(etag, CultureInfo.InvariantCulture) });
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new InconsistentStateException($"State '{stateName}' of {grain} was written by another activation.", etag, currentEtag: null);
        }
    }

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RecordedEvent>> ReadAsync(EventStream stream, long afterSequence, int max, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ReadEvents);
        command.Parameters.Add(new() { Value = stream.Namespace });
        command.Parameters.Add(new() { Value = stream.Key });
        command.Parameters.Add(new() { Value = afterSequence });
        command.Parameters.Add(new() { Value = max });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<RecordedEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new RecordedEvent(
                stream,
                reader.GetInt64(0),
                reader.GetString(1),
                Encoding.UTF8.GetBytes(reader.GetString(2)),
                reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return events;
    }

    // Every availability search asks this of its property's stream: one row by its key, no arrays.
    public async Task<long> ReadLastSequenceAsync(EventStream stream, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ReadLastSequence);
        command.Parameters.Add(new() { Value = stream.Namespace });
        command.Parameters.Add(new() { Value = stream.Key });
        return await command.ExecuteScalarAsync(cancellationToken) is long last ? last : 0;
    }

    public async Task<IReadOnlyDictionary<EventStream, long>> ReadLastSequencesAsync(
        IReadOnlyCollection<EventStream> streams, CancellationToken cancellationToken)
    {
        var last = streams.Distinct().ToDictionary(s => s, _ => 0L);
        if (last.Count == 0)
        {
            return last;
        }

        await using var command = dataSource.CreateCommand(ReadLastSequences);
        command.Parameters.Add(new() { Value = last.Keys.Select(s => s.Namespace).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = last.Keys.Select(s => s.Key).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            last[new EventStream(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
        }

        return last;
    }

    public async Task<IReadOnlyDictionary<EventStream, long>> ReadPartitionAsync(int partition, int partitions, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ReadPartition);
        command.Parameters.Add(new() { Value = partition });
        command.Parameters.Add(new() { Value = partitions });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var last = new Dictionary<EventStream, long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            last[new EventStream(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
        }

        return last;
    }

    private static NpgsqlBatchCommand AppendCommand(EventStream stream, PendingEvent[] events, GrainId grain)
    {
        var command = new NpgsqlBatchCommand(Append);
        command.Parameters.Add(new() { Value = stream.Namespace });
        command.Parameters.Add(new() { Value = stream.Key });
        command.Parameters.Add(new() { Value = (long)events.Length });
        command.Parameters.Add(new() { Value = events.Select(e => e.EventType).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = events.Select(e => Encoding.UTF8.GetString(e.Payload)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = grain.Type.ToString() });
        command.Parameters.Add(new() { Value = grain.Key.ToString() });
        return command;
    }

    private static void AddKey(NpgsqlParameterCollection parameters, GrainId grain, string stateName)
    {
        parameters.Add(new() { Value = grain.Type.ToString() });
        parameters.Add(new() { Value = grain.Key.ToString() });
        parameters.Add(new() { Value = stateName });
    }

    private static InconsistentStateException Conflict(StateWrite write) =>
        new($"State '{write.StateName}' of {write.Grain} was written by another activation (expected version {write.ExpectedEtag ?? "none"}).", write.ExpectedEtag, currentEtag: null);

    private static string Etag(long version) => version.ToString(CultureInfo.InvariantCulture);
}
