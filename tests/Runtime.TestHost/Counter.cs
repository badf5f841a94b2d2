using Actors.Runtime;

namespace Actors.Runtime.TestHost;

/// <summary>A persisted counter: the smallest grain whose every acknowledged write must survive.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds one, persists, and returns the new value.</summary>
    Task<int> Increment();

    /// <summary>The value this activation holds.</summary>
    Task<int> Get();

    /// <summary>Forces this activation to write the value it holds, whatever another activation did.</summary>
    Task<int> Set(int value);

    /// <summary>Always refuses, with an exception that carries data of its own.</summary>
    Task Refuse(string reason);
}

/// <summary>A domain-style failure: callers catch it by type and read its properties, wherever the grain ran.</summary>
public sealed class CounterRefusedException(string reason, int value) : Exception($"Refused at {value}: {reason}")
{
    public string Reason { get; } = reason;

    public int Value { get; } = value;
}

public sealed class CounterState
{
    public int Value { get; set; }
}

public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> counter) : Grain, ICounterGrain
{
    public async Task<int> Increment()
    {
        counter.State.Value++;
        await counter.WriteStateAsync();
        return counter.State.Value;
    }

    public Task<int> Get() => Task.FromResult(counter.State.Value);

    public Task Refuse(string reason) => throw new CounterRefusedException(reason, counter.State.Value);

    public async Task<int> Set(int value)
    {
        counter.State.Value = value;
        await counter.WriteStateAsync();
        return value;
    }
}
