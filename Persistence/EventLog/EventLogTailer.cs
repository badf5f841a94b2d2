using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Persistence.EventLog;

/// <summary>
/// Feeds this node's watchers from the durable event log. Only committed events are delivered, each
/// stream strictly in sequence order and each event once, whichever node wrote it. A stream is
/// tailed while someone on this node watches it.
/// </summary>
public sealed class EventLogTailer : BackgroundService
{
    private readonly ConcurrentDictionary<EventStream, Watched> watched = new();
    private readonly ConcurrentDictionary<EventStream, byte> woken = new();
    private readonly SemaphoreSlim wake = new(0);
    private readonly IEventLog log;
    private readonly EventLogOptions options;
    private readonly ILogger<EventLogTailer> logger;

    public EventLogTailer(IEventLog log, EventLogSignal signal, IOptions<EventLogOptions> options, ILogger<EventLogTailer> logger)
    {
        this.log = log;
        this.options = options.Value;
        this.logger = logger;
        signal.Appended += Wake;
    }

    /// <summary>
    /// Starts tailing <paramref name="stream"/> from its current end; events committed from now on are
    /// handed to <paramref name="onNext"/>, in order, one at a time. Dispose to stop.
    /// </summary>
    public async Task<IAsyncDisposable> WatchAsync(EventStream stream, Func<RecordedEvent, Task> onNext, CancellationToken cancellationToken)
    {
        var entry = watched.GetOrAdd(stream, static _ => new Watched());
        Interlocked.Increment(ref entry.Watchers);
        ImmutableInterlocked.Update(ref entry.Handlers, static (list, h) => list.Add(h), onNext);
        if (entry.Delivered < 0)
        {
            var last = await log.ReadLastSequencesAsync([stream], cancellationToken);
            Interlocked.CompareExchange(ref entry.Delivered, last[stream], -1);
        }

        Wake(stream);
        return new Watch(this, stream, entry, onNext);
    }

    public void Wake(EventStream stream)
    {
        if (watched.ContainsKey(stream) && woken.TryAdd(stream, 0))
        {
            wake.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextPoll = DateTime.UtcNow + options.PollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            var timeout = nextPoll - DateTime.UtcNow;
            var signalled = timeout > TimeSpan.Zero && await wake.WaitAsync(timeout, stoppingToken);
            try
            {
                if (signalled)
                {
                    foreach (var stream in woken.Keys)
                    {
                        woken.TryRemove(stream, out _);
                        await CatchUpAsync(stream, stoppingToken);
                    }
                }
                else
                {
                    nextPoll = DateTime.UtcNow + options.PollInterval;
                    await PollAsync(stoppingToken);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Tailing the event log failed; retrying on the next poll");
            }
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var ids = watched.Keys.ToArray();
        if (ids.Length == 0)
        {
            return;
        }

        var last = await log.ReadLastSequencesAsync(ids, cancellationToken);
        foreach (var (stream, sequence) in last)
        {
            if (watched.TryGetValue(stream, out var entry) && sequence > Volatile.Read(ref entry.Delivered))
            {
                await CatchUpAsync(stream, cancellationToken);
            }
        }
    }

    // Only the tailer's loop calls this, so one stream is never published from two places at once.
    private async Task CatchUpAsync(EventStream stream, CancellationToken cancellationToken)
    {
        if (!watched.TryGetValue(stream, out var entry) || Volatile.Read(ref entry.Delivered) < 0)
        {
            return;
        }

        while (true)
        {
            var events = await log.ReadAsync(stream, entry.Delivered, options.BatchSize, cancellationToken);
            foreach (var recorded in events)
            {
                foreach (var handler in entry.Handlers)
                {
                    await handler(recorded);
                }

                entry.Delivered = recorded.Sequence;
            }

            if (events.Count < options.BatchSize)
            {
                return;
            }
        }
    }

    private void Unwatch(EventStream stream, Watched entry, Func<RecordedEvent, Task> onNext)
    {
        ImmutableInterlocked.Update(ref entry.Handlers, static (list, h) => list.Remove(h), onNext);
        if (Interlocked.Decrement(ref entry.Watchers) == 0)
        {
            watched.TryRemove(KeyValuePair.Create(stream, entry));
        }
    }

    private sealed class Watched
    {
        public int Watchers;

        public ImmutableArray<Func<RecordedEvent, Task>> Handlers = [];

        // -1 until the starting point is known.
        public long Delivered = -1;
    }

    private sealed class Watch(EventLogTailer tailer, EventStream stream, Watched entry, Func<RecordedEvent, Task> onNext) : IAsyncDisposable
    {
        private int disposed;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                tailer.Unwatch(stream, entry, onNext);
            }

            return ValueTask.CompletedTask;
        }
    }
}
