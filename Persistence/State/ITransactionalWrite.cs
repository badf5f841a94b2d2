using Npgsql;

namespace Actors.Persistence.State;

/// <summary>
/// Extra rows written in the same transaction as a grain's state, such as the stays backstop. Each
/// write has a PostgreSQL form and an in-memory form, so the embedded default keeps the same rules.
/// </summary>
public interface ITransactionalWrite
{
    /// <summary>The statements to run in the write's batch, in order, after the state row and the events.</summary>
    IEnumerable<NpgsqlBatchCommand> Commands();

    /// <summary>
    /// The same change against the in-memory tables, under the memory store's lock and before anything
    /// else of the write is applied: throwing refuses the whole write, as a constraint would.
    /// </summary>
    void Apply(MemoryTables tables);
}
