using Microsoft.Extensions.Logging;
using Npgsql;

namespace Actors.Persistence.Schema;

/// <summary>
/// Brings the database to the current schema at startup. Idempotent, and safe when several silos
/// start at once: one transaction under an advisory lock applies whatever is missing and records it.
/// </summary>
public sealed class SchemaMigrator(NpgsqlDataSource dataSource, IEnumerable<SchemaScript> scripts, ILogger<SchemaMigrator> logger)
{
    private const long MigrationLock = 0x5eed_b00c;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLock})", cancellationToken);
        await Execute(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_version (
                component  text        NOT NULL,
                version    int         NOT NULL,
                name       text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (component, version))
            """, cancellationToken);

        var applied = new HashSet<(string, int)>();
        await using (var read = new NpgsqlCommand("SELECT component, version FROM schema_version", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add((reader.GetString(0), reader.GetInt32(1)));
            }
        }

        foreach (var script in scripts.OrderBy(s => s.Component, StringComparer.Ordinal).ThenBy(s => s.Version))
        {
            if (applied.Contains((script.Component, script.Version)))
            {
                continue;
            }

            logger.LogInformation("Applying schema {Component} {Version} {Name}", script.Component, script.Version, script.Name);
            await Execute(connection, transaction, script.Sql, cancellationToken);
            await using var record = new NpgsqlCommand(
                "INSERT INTO schema_version (component, version, name) VALUES ($1, $2, $3)", connection, transaction);
            record.Parameters.Add(new() { Value = script.Component });
            record.Parameters.Add(new() { Value = script.Version });
            record.Parameters.Add(new() { Value = script.Name });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
