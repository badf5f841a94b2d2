using System.Globalization;
using Npgsql;

namespace Actors.Benchmarks.Harness;

/// <summary>What the PostgreSQL server says about itself and how much it has written, for the figures' context.</summary>
public static class PostgresServer
{
    /// <summary>The settings that decide what a commit costs: without fsync a commit never waits for a disk.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> SettingsAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        var settings = new Dictionary<string, string>();
        foreach (var setting in new[] { "server_version", "fsync", "synchronous_commit", "full_page_writes", "shared_buffers", "max_connections" })
        {
            await using var command = source.CreateCommand($"SHOW {setting}");
            settings[setting] = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        return settings;
    }

    /// <summary>
    /// Server-wide write counters: transaction ids handed out (one per writing transaction) and WAL
    /// bytes. Both are read without writing anything, and are exact at once, unlike pg_stat views.
    /// </summary>
    public static async Task<WriteCounters> CountersAsync(NpgsqlDataSource source, CancellationToken cancellationToken)
    {
        await using var command = source.CreateCommand(
            "SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint, pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new WriteCounters(reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>
    /// For every table of the public schema that rows were written to between two counter readings:
    /// how many distinct transactions left rows in it ("table: n"), so the transactions counted can be
    /// told apart. A transaction that writes several tables appears under each of them.
    /// </summary>
    public static async Task<string> TransactionsByTableAsync(NpgsqlDataSource source, WriteCounters before, WriteCounters after, CancellationToken cancellationToken)
    {
        var tables = new List<string>();
        await using (var list = source.CreateCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var written = new List<string>();
        foreach (var table in tables)
        {
            if (await TransactionsWritingAsync(source, [$"\"{table}\""], before, after, cancellationToken) is > 0 and var n)
            {
                written.Add($"{table}: {n}");
            }
        }

        // The same transactions counted once, whichever tables they wrote: what the xid counter shows beyond this left no row.
        var union = string.Join(" UNION ALL ", tables.Select(t => $"SELECT xmin::text::bigint AS x FROM \"{t}\""));
        await using var distinct = source.CreateCommand($"SELECT count(DISTINCT x) FROM ({union}) AS rows WHERE x >= $1 AND x < $2");
        distinct.Parameters.Add(new() { Value = before.Transactions & 0xFFFF_FFFF });
        distinct.Parameters.Add(new() { Value = after.Transactions & 0xFFFF_FFFF });
        var any = (long)(await distinct.ExecuteScalarAsync(cancellationToken))!;
        var counted = (after - before).Transactions;
        written.Add($"any table: {any} of {counted} counted");
        return string.Join(", ", written);
    }

    /// <summary>
    /// How many distinct transactions between two counter readings left rows in <paramref name="tables"/>
    /// (by the rows' xmin; tables that do not exist count nothing). A row updated twice in the window
    /// counts once, so this is a floor.
    /// </summary>
    public static async Task<long> TransactionsWritingAsync(
        NpgsqlDataSource source, IReadOnlyList<string> tables, WriteCounters before, WriteCounters after, CancellationToken cancellationToken)
    {
        long found = 0;
        foreach (var table in tables)
        {
            await using (var exists = source.CreateCommand("SELECT to_regclass($1) IS NOT NULL"))
            {
                exists.Parameters.Add(new() { Value = table });
                if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
                {
                    continue;
                }
            }

            // xmin is the 32-bit xid; the counters are 64-bit (epoch and xid), so compare within the epoch.
            await using var command = source.CreateCommand(
                $"SELECT count(DISTINCT xmin::text::bigint) FROM {table} WHERE xmin::text::bigint >= $1 AND xmin::text::bigint < $2");
            command.Parameters.Add(new() { Value = before.Transactions & 0xFFFF_FFFF });
            command.Parameters.Add(new() { Value = after.Transactions & 0xFFFF_FFFF });
            found += (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        return found;
    }

    /// <summary>
    /// WAL bytes per booking between two counter readings, by the table (or index) of this database a
    /// record changed ("table: bytes, ..."), largest first, from pg_walinspect (PostgreSQL's contrib);
    /// records that change no relation of this database (commits, other databases) are "other".
    /// </summary>
    public static async Task<string> WalByTableAsync(NpgsqlDataSource source, WriteCounters before, WriteCounters after, long bookings, CancellationToken cancellationToken)
    {
        await using (var extension = source.CreateCommand("CREATE EXTENSION IF NOT EXISTS pg_walinspect"))
        {
            await extension.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = source.CreateCommand("""
            SELECT coalesce(c.relname, 'other'), sum(w.record_length)::bigint AS bytes
            FROM pg_get_wal_records_info($1::pg_lsn, $2::pg_lsn) AS w
            LEFT JOIN pg_class c ON c.relfilenode = substring(w.block_ref from 'rel \d+/\d+/(\d+)')::oid
                AND substring(w.block_ref from 'rel \d+/(\d+)/')::oid = (SELECT oid FROM pg_database WHERE datname = current_database())
            GROUP BY 1 ORDER BY 2 DESC
            """);
        command.Parameters.Add(new() { Value = Lsn(before.WalBytes) });
        command.Parameters.Add(new() { Value = Lsn(after.WalBytes) });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var parts = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{reader.GetString(0)}: {reader.GetInt64(1) / Math.Max(1, bookings):N0}"));
        }

        return string.Join(", ", parts);
    }

    private static string Lsn(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes >> 32:X}/{bytes & 0xFFFF_FFFF:X}");
}

/// <summary>Writing transactions and WAL bytes so far; the difference of two is what happened between them.</summary>
public sealed record WriteCounters(long Transactions, long WalBytes)
{
    public static WriteCounters operator -(WriteCounters after, WriteCounters before) =>
        new(after.Transactions - before.Transactions, after.WalBytes - before.WalBytes);
}
