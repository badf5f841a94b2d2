using System.Collections.Immutable;
using Npgsql;

namespace Actors.Runtime.Cluster;

/// <summary>
/// The membership table in PostgreSQL. Times are the database's, so silos with skewed clocks still
/// agree on who has gone silent; each change bumps the table version in the same transaction.
/// </summary>
internal sealed class MembershipTable(NpgsqlDataSource dataSource)
{
    public Task JoinAsync(SiloAddress silo, bool hostsGrains, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            WITH joined AS (
                INSERT INTO silos (silo_id, host, port, hosts_grains, status) VALUES ($1, $2, $3, $4, 'active') RETURNING 1)
            UPDATE membership_version SET version = version + 1 WHERE id = 1 AND EXISTS (SELECT 1 FROM joined)
            """,
            cancellationToken,
            silo.SiloId, silo.Host, silo.Port, hostsGrains);

    /// <summary>Records a heartbeat; false when the others have already declared this silo dead.</summary>
    public async Task<bool> HeartbeatAsync(SiloAddress silo, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE silos SET last_heartbeat = now() WHERE silo_id = $1 AND status IN ('active', 'leaving')",
            cancellationToken,
            silo.SiloId) == 1;

    /// <summary>Declares dead every silo silent for longer than <paramref name="timeout"/>; returns how many.</summary>
    public async Task<long> DeclareSilentDeadAsync(SiloAddress declaredBy, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            WITH declared AS (
                UPDATE silos SET status = 'dead', declared_by = $1
                WHERE status IN ('active', 'leaving') AND last_heartbeat < now() - $2 AND silo_id <> $1
                RETURNING 1),
            bumped AS (
                UPDATE membership_version SET version = version + 1 WHERE id = 1 AND EXISTS (SELECT 1 FROM declared) RETURNING 1)
            SELECT count(*) FROM declared
            """);
        command.Parameters.Add(new() { Value = declaredBy.SiloId });
        command.Parameters.Add(new() { Value = timeout });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Deletes rows of silos that died or left longer ago than <paramref name="retention"/>, so restarts do not grow the table forever.</summary>
    public Task ForgetDepartedAsync(TimeSpan retention, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "DELETE FROM silos WHERE status IN ('dead', 'left') AND last_heartbeat < now() - $1",
            cancellationToken,
            retention);

    /// <summary>Moves this silo to 'leaving' (no new grains) or 'left' (gone).</summary>
    public Task SetStatusAsync(SiloAddress silo, string status, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            WITH changed AS (UPDATE silos SET status = $2 WHERE silo_id = $1 AND status <> $2 RETURNING 1)
            UPDATE membership_version SET version = version + 1 WHERE id = 1 AND EXISTS (SELECT 1 FROM changed)
            """,
            cancellationToken,
            silo.SiloId, status);

    /// <summary>The current version and the active silos that host grains.</summary>
    public async Task<MembershipView> ReadAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT v.version, s.silo_id, s.host, s.port
            FROM membership_version v LEFT JOIN silos s ON s.status = 'active' AND s.hosts_grains
            ORDER BY s.silo_id
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        long version = 0;
        var silos = ImmutableArray.CreateBuilder<SiloAddress>();
        while (await reader.ReadAsync(cancellationToken))
        {
            version = reader.GetInt64(0);
            if (!reader.IsDBNull(1))
            {
                silos.Add(new SiloAddress(reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
            }
        }

        return new MembershipView(version, silos.ToImmutable());
    }

    // Each statement is atomic on its own: a change and its version bump commit together.
    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
