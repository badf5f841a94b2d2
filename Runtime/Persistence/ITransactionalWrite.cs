using Npgsql;

namespace Actors.Runtime;

/// <summary>
/// Extra rows written in the same PostgreSQL transaction as a grain's state, such as the stays
/// backstop. The in-memory storage has no database to write to and skips them.
/// </summary>
public interface ITransactionalWrite
{
    Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken);
}
