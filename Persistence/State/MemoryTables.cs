namespace Actors.Persistence.State;

/// <summary>The embedded default's stand-in for the tables that enlisted writes touch: one instance per table type.</summary>
public sealed class MemoryTables
{
    private readonly Dictionary<Type, object> tables = [];

    public TTable Get<TTable>() where TTable : new()
    {
        if (!tables.TryGetValue(typeof(TTable), out var table))
        {
            tables[typeof(TTable)] = table = new TTable();
        }

        return (TTable)table;
    }
}
