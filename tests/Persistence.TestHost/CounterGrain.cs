namespace Actors.Persistence.TestHost;

/// <summary>A counter in Orleans' own ADO.NET grain storage (<c>IPersistentState</c> over our SQL).</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds one, persists, and returns the new value.</summary>
    Task<int> Increment();

    /// <summary>Writes <paramref name="value"/> over whatever this activation read.</summary>
    Task Set(int value);

    /// <summary>The value this activation holds.</summary>
    Task<int> Get();

    /// <summary>Which activation, in which process, answers.</summary>
    Task<Whereabouts> Where();
}

[GenerateSerializer]
public sealed record Whereabouts(Guid Activation, int ProcessId, string Silo);

public sealed class CounterState
{
    public int Value { get; set; }
}

public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> counter) : Grain, ICounterGrain
{
    private readonly Guid activation = Guid.NewGuid();

    public async Task<int> Increment()
    {
        counter.State.Value++;
        await counter.WriteStateAsync();
        return counter.State.Value;
    }

    public async Task Set(int value)
    {
        counter.State.Value = value;
        await counter.WriteStateAsync();
    }

    public Task<int> Get() => Task.FromResult(counter.State.Value);

    public Task<Whereabouts> Where() => Task.FromResult(new Whereabouts(activation, Environment.ProcessId, RuntimeIdentity));
}
