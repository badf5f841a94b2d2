namespace Actors.Persistence.TestHost;

/// <summary>Records how many of its calls run at once and in what order they started.</summary>
public interface ITurnGrain : IGrainWithStringKey
{
    /// <summary>Runs a call that awaits in the middle, so overlapping calls would be visible.</summary>
    Task Enter(int caller);

    /// <summary>The most calls seen inside at once, how many completed, and the order calls started in.</summary>
    Task<TurnReport> Report();
}

[GenerateSerializer]
public sealed record TurnReport(int MaxInside, int Completed, IReadOnlyList<int> Order);

public sealed class TurnGrain : Grain, ITurnGrain
{
    private readonly List<int> order = [];
    private int inside;
    private int maxInside;
    private int completed;

    public async Task Enter(int caller)
    {
        order.Add(caller);
        maxInside = Math.Max(maxInside, Interlocked.Increment(ref inside));
        // Leaves the turn's thread at an await: another call could start here if turns interleaved.
        await Task.Delay(caller % 3 == 0 ? 1 : 0);
        await Task.Yield();
        Interlocked.Decrement(ref inside);
        completed++;
    }

    public Task<TurnReport> Report() => Task.FromResult(new TurnReport(maxInside, completed, [.. order]));
}
