using Orleans.Concurrency;

namespace Actors.Persistence.TestHost;

/// <summary>A reentrant grain: one call can wait for another call of the same grain to arrive.</summary>
public interface IReentrantGrain : IGrainWithStringKey
{
    /// <summary>Waits until <see cref="Open"/> is called; reports whether code of this grain ever ran on two threads at once.</summary>
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

    // Interleaving at awaits is allowed; another thread inside at the same moment is not.
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
