using System.Collections.Immutable;
using Actors.Grains.Abstractions.Figures;
using Actors.Persistence.EventLog;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Orleans.Streams;

namespace Actors.Api.Boards;

/// <summary>
/// This node's boards. One Orleans stream subscription per property that any board on this node
/// follows, however many boards follow it; each event is serialized once and the same bytes are
/// written to every follower. A board joins with the last sequence it saw: it first gets what it
/// missed from the log, then live events, in order and each once. The relay fills any hole in what
/// the stream delivers from the log, and checks the log's end every poll interval, so a board never
/// waits for an event the stream did not bring.
/// </summary>
public sealed class BoardRelay(
    IClusterClient cluster,
    IEventLog log,
    IOptions<BoardOptions> boards,
    IOptions<EventLogOptions> eventLog,
    BoardMetrics metrics,
    ILogger<BoardRelay> logger) : BackgroundService
{
    private const int ReadBatch = 500;

    // Changes come in bursts (a hold, then its confirmation): the figures follow once the burst settles.
    private static readonly TimeSpan FiguresAfter = TimeSpan.FromMilliseconds(300);
    private readonly Lock gate = new();
    private readonly Dictionary<EventStream, Relayed> relayed = [];

    /// <summary>
    /// Sends <paramref name="connection"/> the events of <paramref name="stream"/> after
    /// <paramref name="afterSequence"/>, then keeps it live; returns the sequence it caught up to.
    /// </summary>
    public async Task<long> FollowAsync(EventStream stream, HubConnectionContext connection, long afterSequence, CancellationToken cancellationToken)
    {
        var follower = new BoardFollower(connection, boards.Value.BufferPerFollower, metrics);
        var entry = Join(stream, follower);
        try
        {
            await entry.Subscribed.WaitAsync(cancellationToken);
        }
        catch
        {
            await LeaveAsync(connection.ConnectionId);
            throw;
        }

        var delivered = afterSequence;
        do
        {
            while (true)
            {
                var batch = await log.ReadAsync(stream, delivered, ReadBatch, cancellationToken);
                foreach (var recorded in batch)
                {
                    await follower.SendAsync(SerializedBoardEvent.From(recorded));
                    delivered = recorded.Sequence;
                }

                if (batch.Count < ReadBatch)
                {
                    break;
                }
            }
        }
        while (!follower.TryGoLive(delivered));

        await PushFiguresAsync(entry, [follower]);
        return delivered;
    }

    /// <summary>Stops everything this connection follows (it closed, or follows another board).</summary>
    public async Task LeaveAsync(string connectionId)
    {
        List<Relayed> emptied = [];
        lock (gate)
        {
            foreach (var (stream, entry) in relayed.ToArray())
            {
                entry.Followers = entry.Followers.RemoveAll(f => f.ConnectionId == connectionId);
                if (entry.Followers.IsEmpty)
                {
                    relayed.Remove(stream);
                    emptied.Add(entry);
                }
            }
        }

        foreach (var entry in emptied)
        {
            await UnsubscribeAsync(entry);
        }
    }

    // Every poll interval: any board whose stream is behind the log catches up from it.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(eventLog.Value.PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                Relayed[] entries;
                lock (gate)
                {
                    entries = [.. relayed.Values];
                }

                if (entries.Length == 0)
                {
                    continue;
                }

                var ends = await log.ReadLastSequencesAsync([.. entries.Select(e => e.Stream)], stoppingToken);
                foreach (var entry in entries.Where(e => ends[e.Stream] > e.Last))
                {
                    await RelayThroughAsync(entry, ends[entry.Stream]);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Checking the boards against the event log failed; trying again next interval");
            }
        }
    }

    private Relayed Join(EventStream stream, BoardFollower follower)
    {
        lock (gate)
        {
            if (!relayed.TryGetValue(stream, out var entry))
            {
                relayed[stream] = entry = new Relayed(stream);
                entry.Subscribed = SubscribeAsync(entry);
            }

            entry.Followers = entry.Followers.RemoveAll(f => f.ConnectionId == follower.ConnectionId).Add(follower);
            return entry;
        }
    }

    private async Task SubscribeAsync(Relayed entry)
    {
        // Start from the log's end: followers catch up from the log themselves.
        entry.Last = await log.ReadLastSequenceAsync(entry.Stream, CancellationToken.None);
        var events = cluster.GetStreamProvider(EventLogOptions.StreamProvider).GetStream<RecordedEvent>(entry.Stream.ToStreamId());
        entry.Subscription = await events.SubscribeAsync((recorded, _) => RelayThroughAsync(entry, recorded.Sequence, recorded));
    }

    private async Task UnsubscribeAsync(Relayed entry)
    {
        try
        {
            await entry.Subscribed;
            if (entry.Subscription is { } subscription)
            {
                await subscription.UnsubscribeAsync();
            }
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not unsubscribe this node from {Stream}; the stream provider drops the subscription when it cannot deliver", entry.Stream);
        }
    }

    /// <summary>Hands followers every event up to <paramref name="sequence"/> they have not had, reading holes from the log.</summary>
    private async Task RelayThroughAsync(Relayed entry, long sequence, RecordedEvent? delivered = null)
    {
        await entry.Turn.WaitAsync();
        try
        {
            while (entry.Last < sequence)
            {
                IReadOnlyList<RecordedEvent> next = delivered is not null && delivered.Sequence == entry.Last + 1
                    ? [delivered]
                    : await log.ReadAsync(entry.Stream, entry.Last, (int)Math.Min(sequence - entry.Last, ReadBatch), CancellationToken.None);
                if (next.Count == 0)
                {
                    return;
                }

                foreach (var recorded in next)
                {
                    var serialized = SerializedBoardEvent.From(recorded);
                    var message = BoardMessages.For(serialized);
                    foreach (var follower in entry.Followers)
                    {
                        follower.Offer(serialized, message);
                    }

                    entry.Last = recorded.Sequence;
                }

                PushFiguresSoon(entry);
            }
        }
        finally
        {
            entry.Turn.Release();
        }
    }

    private void PushFiguresSoon(Relayed entry)
    {
        if (Interlocked.Exchange(ref entry.FiguresDue, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            await Task.Delay(FiguresAfter);
            Volatile.Write(ref entry.FiguresDue, 0);
            await PushFiguresAsync(entry, entry.Followers);
        });
    }

    private async Task PushFiguresAsync(Relayed entry, IReadOnlyCollection<BoardFollower> followers)
    {
        try
        {
            var figures = await cluster.GetGrain<IPropertyFiguresGrain>(entry.Stream.Key).GetTonightAsync();
            var message = BoardMessages.For(BoardTonight.From(figures));
            foreach (var follower in followers)
            {
                follower.Push(message);
            }
        }
        catch (Exception exception)
        {
            // The board's events went out; tonight's figures come with the next change.
            logger.LogWarning(exception, "Could not push tonight's figures of {Stream} to its boards", entry.Stream);
        }
    }

    private sealed class Relayed(EventStream stream)
    {
        public EventStream Stream { get; } = stream;

        public ImmutableArray<BoardFollower> Followers = [];

        public Task Subscribed = Task.CompletedTask;

        public StreamSubscriptionHandle<RecordedEvent>? Subscription;

        // Relaying is one turn at a time: the stream's deliveries and the periodic check never interleave.
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public long Last;

        public int FiguresDue;
    }
}
