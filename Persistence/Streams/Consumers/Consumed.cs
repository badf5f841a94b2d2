namespace Actors.Persistence.Streams.Consumers;

/// <summary>
/// A consumer's state with its progress, committed together: an event is applied exactly when the
/// state that shows its effect is written, so a redelivered event is recognised by its sequence.
/// </summary>
public sealed class Consumed<TState> where TState : new()
{
    public TState Data { get; set; } = new();

    /// <summary>Every event up to here was applied, or is in <see cref="DeadLettered"/>.</summary>
    public long AppliedThrough { get; set; }

    /// <summary>Events given up on and waiting in the dead-letter table for a replay.</summary>
    public List<long> DeadLettered { get; set; } = [];
}
