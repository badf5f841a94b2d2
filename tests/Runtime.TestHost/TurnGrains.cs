namespace Actors.Runtime.TestHost;

/// <summary>Records how many of its calls run at once and in what order they started.</summary>
public interface ITurnGrain : IGrainWithStringKey
{
    /// <summary>Runs a call that awaits in the middle, so overlapping calls would be visible.</summary>
    Task Enter(int caller);

    /// <summary>The most calls seen inside at once, and the order calls started in.</summary>
    Task<TurnReport> Report();
}

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
        var now = Interlocked.Increment(ref inside);
        maxInside = Math.Max(maxInside, now);
        await Task.Yield();
        await Task.Delay(caller % 3 == 0 ? 1 : 0);
        Interlocked.Decrement(ref inside);
        completed++;
    }

    public Task<TurnReport> Report() => Task.FromResult(new TurnReport(maxInside, completed, [.. order]));
}

/// <summary>A reentrant grain: one call can wait for another call of the same grain to arrive.</summary>
public interface IReentrantGrain : IGrainWithStringKey
{
    /// <summary>Waits until <see cref="Open"/> is called, and reports whether code ever ran on two threads at once.</summary>
    Task<bool> WaitForOpen();

    /// <summary>Releases every waiting call.</summary>
    Task Open();
}

[Reentrant]
public sealed class ReentrantGrain : Grain, IReentrantGrain
{
    private readonly TaskCompletionSource opened = new();
    private readonly Lock section = new();
    private bool overlapped;

    public async Task<bool> WaitForOpen()
    {
        Work();
        await opened.Task;
        Work();
        await Task.Yield();
        Work();
        return overlapped;
    }

    public Task Open()
    {
        Work();
        opened.TrySetResult();
        Work();
        return Task.CompletedTask;
    }

    // Interleaving at awaits is allowed (even inline on this thread); another thread inside at the same moment is not.
    private void Work()
    {
        if (!section.TryEnter())
        {
            overlapped = true;
            return;
        }

        try
        {
            Thread.SpinWait(2000);
        }
        finally
        {
            section.Exit();
        }
    }
}
