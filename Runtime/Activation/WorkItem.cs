namespace Actors.Runtime.Activation;

/// <summary>One turn waiting in an activation's queue: a call, a timer tick or a stream delivery.</summary>
internal sealed class WorkItem(Func<ActivationData, Task<object?>> work, bool interleave)
{
    private readonly TaskCompletionSource<object?> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>May start while another turn of the same grain is awaiting (reentrant grain or [AlwaysInterleave]).</summary>
    public bool Interleave { get; } = interleave;

    public Task<object?> Completion => completion.Task;

    public async Task RunAsync(ActivationData activation)
    {
        try
        {
            completion.TrySetResult(await work(activation));
        }
        catch (Exception exception)
        {
            completion.TrySetException(exception);
        }
    }

    public void Fail(Exception exception) => completion.TrySetException(exception);
}
