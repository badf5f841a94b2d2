using Actors.Persistence.EventLog;
using Actors.Persistence.State;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Actors.Persistence.Streams.Consumers;

/// <summary>
/// A grain subscribed (implicitly) to a stream of the event log. Each event is applied once, in
/// sequence: one already applied is skipped, a hole (an event the stream gave up delivering, or one
/// applied but not yet stored when a silo died) is read from the log first, and one that fails is
/// retried with backoff, then recorded in the dead-letter table with its error while the stream
/// moves on. <see cref="ReplayAsync"/> applies it later, once. When its stream goes quiet the grain
/// compares its progress with the log's end once, so an event the stream never delivered is applied
/// without waiting for the next one.
/// <para>
/// The state is stored every <see cref="StoreEvery"/> events or <see cref="StoreAfter"/> after the
/// first unstored one, not once per event: the stream's checkpoint may pass events this grain has not
/// stored, which is safe because the grain reads what it misses from the log by its own progress.
/// A consumer's state may be large (the figures keep a property's stays), so it is written seldom:
/// after a crash it reads at most that many events back from the log.
/// </para>
/// </summary>
public abstract class EventLogConsumer<TState>(
    IOutboxState<Consumed<TState>> consumed, IEventLog log, IDeadLetters deadLetters, ILogger logger)
    : Grain, IEventLogConsumer, IStreamSubscriptionObserver, IAsyncObserver<RecordedEvent>
    where TState : new()
{
    private const int Attempts = 4;
    private const int StoreEvery = 1000;
    private static readonly TimeSpan StoreAfter = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan QuietAfter = TimeSpan.FromSeconds(2);

    private int unstored;
    private IGrainTimer? storeTimer;
    private IGrainTimer? quietCheck;
    private EventStream? stream;

    protected TState Data => consumed.State.Data;

    protected long AppliedThrough => consumed.State.AppliedThrough;

    protected IReadOnlyList<long> DeadLetteredSequences => consumed.State.DeadLettered;

    private string Consumer => this.GetGrainId().ToString();

    /// <summary>Changes <see cref="Data"/> (or hands the event on) for one event. Throwing is safe: the grain goes back to its stored state.</summary>
    protected abstract Task ApplyAsync(RecordedEvent recorded);

    /// <summary>
    /// Runs whenever <see cref="Data"/> was set to what storage holds (on activation, and after a failed
    /// apply or write): a consumer that keeps part of its data in rows of its own reads them here.
    /// </summary>
    protected virtual Task OnStateReadAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs just before the state is written: a consumer enlists here the rows that changed since the last write.</summary>
    protected virtual void OnStoring()
    {
    }

    /// <summary>Adds rows to be committed with the next write of the state.</summary>
    protected void Enlist(ITransactionalWrite write) => consumed.Enlist(write);

    public override Task OnActivateAsync(CancellationToken cancellationToken) => OnStateReadAsync(cancellationToken);

    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        handleFactory.Create<RecordedEvent>().ResumeAsync(this);

    public async Task OnNextAsync(RecordedEvent recorded, StreamSequenceToken? token = null)
    {
        stream = recorded.Stream;
        await ApplyThroughAsync(recorded.Stream, recorded.Sequence, recorded);
        CheckWhenQuiet();
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        logger.LogWarning(ex, "{Consumer} was told its stream failed", Consumer);
        return Task.CompletedTask;
    }

    public async Task<bool> ReplayAsync(EventStream replayed, long sequence)
    {
        if (!consumed.State.DeadLettered.Contains(sequence))
        {
            return false;
        }

        var recorded = (await log.ReadAsync(replayed, sequence - 1, 1, CancellationToken.None)).Single();
        try
        {
            await ApplyAsync(recorded);
        }
        catch
        {
            await RestoreAsync(replayed);
            throw;
        }

        consumed.State.DeadLettered.Remove(sequence);
        await StoreAsync();
        return true;
    }

    public Task<long> GetAppliedThroughAsync() => Task.FromResult(consumed.State.AppliedThrough);

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (unstored > 0)
        {
            await StoreAsync();
        }
    }

    /// <summary>Applies every event up to <paramref name="sequence"/> not applied yet, reading from the log what was not delivered.</summary>
    private async Task ApplyThroughAsync(EventStream from, long sequence, RecordedEvent? delivered = null)
    {
        while (consumed.State.AppliedThrough < sequence)
        {
            var through = consumed.State.AppliedThrough;
            IReadOnlyList<RecordedEvent> next = delivered is not null && delivered.Sequence == through + 1
                ? [delivered]
                : await log.ReadAsync(from, through, (int)Math.Min(sequence - through, 500), CancellationToken.None);
            if (next.Count == 0)
            {
                throw new InvalidOperationException($"The log has no event after {through} in {from}, yet #{sequence} is committed.");
            }

            foreach (var pending in next)
            {
                await ApplyOrDeadLetterAsync(pending);
            }
        }
    }

    // When the stream goes quiet, look once at the log's end: an event the stream failed to deliver
    // (it gave up on this grain, or its queue stalled while a silo died) is applied without waiting
    // for the next one to reveal the hole.
    private void CheckWhenQuiet()
    {
        if (quietCheck is null)
        {
            quietCheck = this.RegisterGrainTimer(CatchUpWithTheLogAsync, new GrainTimerCreationOptions(QuietAfter, Timeout.InfiniteTimeSpan));
            return;
        }

        quietCheck.Change(QuietAfter, Timeout.InfiniteTimeSpan);
    }

    private async Task CatchUpWithTheLogAsync(CancellationToken cancellationToken)
    {
        if (stream is { } following && await CatchUpAsync(following, cancellationToken))
        {
            logger.LogWarning("{Consumer} was behind its stream's log and caught up from it", Consumer);
            CheckWhenQuiet();
        }
    }

    /// <summary>
    /// Applies whatever of <paramref name="from"/> is committed and not applied yet, so an answer
    /// given now reflects every event committed before it; true when there was something to apply.
    /// </summary>
    protected async Task<bool> CatchUpAsync(EventStream from, CancellationToken cancellationToken = default)
    {
        var end = await log.ReadLastSequenceAsync(from, cancellationToken);
        if (end <= consumed.State.AppliedThrough)
        {
            return false;
        }

        await ApplyThroughAsync(from, end);
        return true;
    }

    private async Task ApplyOrDeadLetterAsync(RecordedEvent recorded)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ApplyAsync(recorded);
                consumed.State.AppliedThrough = recorded.Sequence;
                await StoreLaterAsync();
                return;
            }
            catch (Exception exception)
            {
                await RestoreAsync(recorded.Stream, upTo: recorded.Sequence - 1);
                if (attempt < Attempts)
                {
                    logger.LogWarning(exception, "{Consumer} failed on {Stream} #{Sequence} (attempt {Attempt}); retrying", Consumer, recorded.Stream, recorded.Sequence, attempt);
                    await Task.Delay(FirstBackoff * Math.Pow(2, attempt - 1));
                    continue;
                }

                logger.LogError(exception, "{Consumer} gave up on {Stream} #{Sequence}; it goes to the dead-letter table", Consumer, recorded.Stream, recorded.Sequence);

                // The dead letter is written before the state that skips the event: a crash between
                // the two delivers the event again rather than losing it.
                await deadLetters.AddAsync(Consumer, recorded, exception.ToString(), attempt, CancellationToken.None);
                consumed.State.DeadLettered.Add(recorded.Sequence);
                consumed.State.AppliedThrough = recorded.Sequence;
                await StoreAsync();
                return;
            }
        }
    }

    /// <summary>
    /// Forgets what a failed Apply may have half-changed: back to the stored state, then the events
    /// applied since it was stored are applied again from the log.
    /// </summary>
    private async Task RestoreAsync(EventStream from, long? upTo = null)
    {
        var target = upTo ?? consumed.State.AppliedThrough;
        await consumed.ReadStateAsync();
        await OnStateReadAsync(CancellationToken.None);
        unstored = 0;
        while (consumed.State.AppliedThrough < target)
        {
            var again = await log.ReadAsync(from, consumed.State.AppliedThrough, (int)Math.Min(target - consumed.State.AppliedThrough, 500), CancellationToken.None);
            if (again.Count == 0)
            {
                return;
            }

            foreach (var recorded in again)
            {
                await ApplyAsync(recorded);
                consumed.State.AppliedThrough = recorded.Sequence;
                unstored++;
            }
        }
    }

    /// <summary>Counts a change to be stored with the next write (every StoreEvery changes, or StoreAfter after the first), as applied events are.</summary>
    protected async Task StoreLaterAsync()
    {
        if (++unstored >= StoreEvery)
        {
            await StoreAsync();
            return;
        }

        storeTimer ??= this.RegisterGrainTimer(async _ =>
        {
            if (unstored > 0)
            {
                await StoreAsync();
            }
        }, new GrainTimerCreationOptions(StoreAfter, StoreAfter));
    }

    private async Task StoreAsync()
    {
        OnStoring();
        try
        {
            await consumed.WriteStateAsync();
        }
        catch
        {
            // The write put the state back to what storage holds; rows kept beside it come back with it.
            await OnStateReadAsync(CancellationToken.None);
            throw;
        }

        unstored = 0;
    }
}
