using System.Text.Json;
using Actors.Benchmarks.Grains;
using Actors.Benchmarks.Harness;
using Actors.Persistence.State;
using Npgsql;

namespace Actors.Benchmarks.Scenarios;

/// <summary>
/// What a durable grain write costs over the database's own single-row write: WriteStateAsync on
/// many grains, next to raw Npgsql loops writing the same JSON to tables of the same shape, with
/// the same number of concurrent callers over the same number of rows.
/// </summary>
public sealed class PersistedWritesScenario : Scenario
{
    private const int Callers = 32;
    private const int PayloadBytes = 256;
    private const string GrainType = NoteGrain.TypeName; // pinned: grain_state.grain_type holds it
    private const string UpsertTable = "bench_raw_upsert";
    private const string VersionedTable = "bench_raw_versioned";

    // One autocommitted statement, one round trip: what a team would write for "save this row".
    private const string Upsert =
        $"INSERT INTO {UpsertTable} (grain_type, grain_key, state_name, version, payload) VALUES ($1, $2, $3, 1, $4::jsonb) "
        + $"ON CONFLICT (grain_type, grain_key, state_name) DO UPDATE SET version = {UpsertTable}.version + 1, payload = EXCLUDED.payload, updated_at = now()";

    // The outbox store's own statement and transaction (PostgresOutboxStore), without Orleans: separates its cost from the SQL's.
    private const string VersionedUpdate =
        $"UPDATE {VersionedTable} SET version = version + 1, payload = $4::jsonb, updated_at = now() "
        + "WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3 AND version = $5";

    public override string Name => "persisted-writes";

    public override string Title => "Persisted grain writes (PostgreSQL)";

    public override string Unit => "writes";

    public override string? SkipReason(BenchSettings settings) =>
        settings.ConnectionString is null ? "ConnectionStrings__Postgres is not set" : null;

    public override async Task<ScenarioResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var connectionString = settings.ConnectionString!;
        await using var silo = await BenchSilo.StartAsync(connectionString); // migrates the schema first
        await using var raw = NpgsqlDataSource.Create(connectionString);
        await ExecuteAsync(raw, $"DELETE FROM grain_state WHERE grain_type = '{GrainType}'", cancellationToken);

        var keys = Enumerable.Range(0, settings.Grains).Select(i => $"note-{i}").ToArray();
        var text = PaddingFor(PayloadBytes);
        var grains = keys.Select(k => silo.GrainFactory.GetGrain<INoteGrain>(k)).ToArray();
        // Activate (one read each) and create every row up front, so the measured writes only update.
        await Task.WhenAll(grains.Select(g => g.RewriteAsync(text)));

        // Row versions play the grains' ETags; callers own disjoint keys, so no version is shared.
        var versions = new long[keys.Length];
        Array.Fill(versions, 1);
        const string upsert = "Npgsql upsert, autocommit";
        Load[] loads =
        [
            new(upsert, Callers, caller => Writes(keys, caller, (key, ct) => UpsertAsync(raw, keys[key], text, ct)),
                Prepare: ct => CreateRawTableAsync(raw, UpsertTable, keys.Length, text, ct)),
            new("Npgsql versioned update in a transaction", Callers,
                caller => Writes(keys, caller, (key, ct) => VersionedUpdateAsync(raw, keys[key], text, versions, key, ct)),
                Versus: upsert,
                Prepare: ct => CreateRawTableAsync(raw, VersionedTable, keys.Length, text, ct)),
            new("grain WriteStateAsync", Callers, caller => Writes(keys, caller, (key, _) => new ValueTask(grains[key].RewriteAsync(text))), Versus: upsert),
        ];

        var rows = await MeasureAsync(loads, settings, cancellationToken);
        var context = await ContextAsync(raw, keys.Length, text, cancellationToken);
        await ExecuteAsync(raw, $"DROP TABLE {UpsertTable}; DROP TABLE {VersionedTable}", cancellationToken);
        var grain = Of(rows, "grain WriteStateAsync");
        var plain = Of(rows, upsert);
        Figure[] figures =
        [
            new($"durable state writes/s, {Callers} callers (vs Npgsql upsert)", "/s", grain.PerSecond, plain.PerSecond, HigherIsBetter: true),
            new("durable state write p50 (vs Npgsql upsert)", "us", grain.Latency.P50, plain.Latency.P50, HigherIsBetter: false),
        ];
        return Result(figures, rows, context);
    }

    // Caller i writes keys i, i + Callers, ...: no two callers ever wait on one row or one grain.
    private static Func<CancellationToken, ValueTask> Writes(string[] keys, int caller, Func<int, CancellationToken, ValueTask> write)
    {
        var next = caller;
        return async cancellationToken =>
        {
            await write(next, cancellationToken);
            next += Callers;
            if (next >= keys.Length)
            {
                next = caller;
            }
        };
    }

    // A table of exactly grain_state's shape (keys, defaults), holding the same rows the grains start with.
    private static Task CreateRawTableAsync(NpgsqlDataSource raw, string table, int rows, string text, CancellationToken cancellationToken) =>
        ExecuteAsync(raw, $"""
            DROP TABLE IF EXISTS {table};
            CREATE TABLE {table} (LIKE grain_state INCLUDING ALL);
            INSERT INTO {table} (grain_type, grain_key, state_name, version, payload)
            SELECT '{GrainType}', 'note-' || i, '{NoteGrain.StateName}', 1, '{Json(new NoteState { Revision = 1, Text = text })}'::jsonb
            FROM generate_series(0, {rows - 1}) AS i;
            """, cancellationToken);

    private static async ValueTask UpsertAsync(NpgsqlDataSource raw, string key, string text, CancellationToken cancellationToken)
    {
        await using var command = raw.CreateCommand(Upsert);
        AddRow(command.Parameters, key, text);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async ValueTask VersionedUpdateAsync(
        NpgsqlDataSource raw, string key, string text, long[] versions, int index, CancellationToken cancellationToken)
    {
        await using var connection = await raw.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        var update = new NpgsqlBatchCommand(VersionedUpdate);
        AddRow(update.Parameters, key, text);
        update.Parameters.Add(new() { Value = versions[index] });
        batch.BatchCommands.Add(update);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        if (update.RecordsAffected != 1)
        {
            throw new InvalidOperationException($"Row {key} was not at version {versions[index]}: two callers shared a key.");
        }

        await transaction.CommitAsync(cancellationToken);
        versions[index]++;
    }

    // The same parameters the outbox store sends: the state serialized the same way, as text cast to jsonb.
    private static void AddRow(NpgsqlParameterCollection parameters, string key, string text)
    {
        parameters.Add(new() { Value = GrainType });
        parameters.Add(new() { Value = key });
        parameters.Add(new() { Value = NoteGrain.StateName });
        parameters.Add(new() { Value = Json(new NoteState { Revision = 2, Text = text }) });
    }

    private static string Json(NoteState state) => JsonSerializer.Serialize(state, GrainJson.Options);

    // Text that makes a note's JSON the given size.
    private static string PaddingFor(int bytes) =>
        new('x', bytes - Json(new NoteState { Revision = 2 }).Length);

    private static async Task ExecuteAsync(NpgsqlDataSource raw, string sql, CancellationToken cancellationToken)
    {
        await using var command = raw.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Without fsync a commit never waits for the disk: the figures need these settings beside them.
    private static async Task<IReadOnlyDictionary<string, string>> ContextAsync(
        NpgsqlDataSource raw, int rows, string text, CancellationToken cancellationToken)
    {
        var context = new Dictionary<string, string>
        {
            ["rows"] = $"{rows}",
            ["callers"] = $"{Callers}",
            ["payloadBytes"] = $"{Json(new NoteState { Revision = 2, Text = text }).Length}",
        };
        foreach (var setting in new[] { "server_version", "fsync", "synchronous_commit", "shared_buffers", "max_connections" })
        {
            await using var command = raw.CreateCommand($"SHOW {setting}");
            context[setting] = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        return context;
    }
}
