using Npgsql;

namespace Actors.Runtime.Reminders;

/// <summary>Reminders in PostgreSQL: they survive restarts and any silo can fire them.</summary>
public sealed class PostgresReminderTable(NpgsqlDataSource dataSource) : IReminderTable, ITransactionalReminders
{
    private const string UpsertSql = """
        INSERT INTO reminders (grain_type, grain_key, reminder_name, next_due, period_ms) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (grain_type, grain_key, reminder_name) DO UPDATE SET next_due = EXCLUDED.next_due, period_ms = EXCLUDED.period_ms
        """;

    private const string RemoveSql = "DELETE FROM reminders WHERE grain_type = $1 AND grain_key = $2 AND reminder_name = $3";

    public async Task UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(UpsertSql);
        AddUpsert(command, entry);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RemoveAsync(GrainId grain, string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(RemoveSql);
        AddKey(command, grain, name);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ITransactionalWrite Upsert(ReminderEntry entry) => new Statement(UpsertSql, command => AddUpsert(command, entry));

    public ITransactionalWrite Remove(GrainId grain, string name) => new Statement(RemoveSql, command => AddKey(command, grain, name));

    public async Task<ReminderEntry?> GetAsync(GrainId grain, string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT grain_type, grain_key, reminder_name, next_due, period_ms FROM reminders WHERE grain_type = $1 AND grain_key = $2 AND reminder_name = $3");
        AddKey(command, grain, name);
        var found = await ReadAllAsync(command, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<IReadOnlyList<ReminderEntry>> ReadDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT grain_type, grain_key, reminder_name, next_due, period_ms FROM reminders WHERE next_due <= $1 ORDER BY next_due LIMIT $2");
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = max });
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task AdvanceAsync(ReminderEntry fired, DateTimeOffset nextDue, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE reminders SET next_due = $5 WHERE grain_type = $1 AND grain_key = $2 AND reminder_name = $3 AND next_due = $4");
        AddKey(command, fired.Grain, fired.Name);
        command.Parameters.Add(new() { Value = fired.NextDue });
        command.Parameters.Add(new() { Value = nextDue });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddUpsert(NpgsqlCommand command, ReminderEntry entry)
    {
        AddKey(command, entry.Grain, entry.Name);
        command.Parameters.Add(new() { Value = entry.NextDue });
        command.Parameters.Add(new() { Value = (long)entry.Period.TotalMilliseconds });
    }

    private static void AddKey(NpgsqlCommand command, GrainId grain, string name)
    {
        command.Parameters.Add(new() { Value = grain.Type });
        command.Parameters.Add(new() { Value = grain.Key });
        command.Parameters.Add(new() { Value = name });
    }

    private static async Task<List<ReminderEntry>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<ReminderEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new ReminderEntry(
                new GrainId(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                TimeSpan.FromMilliseconds(reader.GetInt64(4))));
        }

        return entries;
    }

    // One reminder statement run inside a grain's state transaction.
    private sealed class Statement(string sql, Action<NpgsqlCommand> bind) : ITransactionalWrite
    {
        public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            bind(command);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
