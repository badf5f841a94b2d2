using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Actors.Persistence.EventLog;
using Microsoft.Extensions.Options;

namespace Actors.Api.Boards;

/// <summary>
/// Everything a board needs after the sequence it last saw: first the events it missed, read from
/// the durable log, then live events as this node's log tailer publishes them, in order and each once.
/// </summary>
public sealed class BoardFeed(IEventLog log, EventLogTailer tailer, IOptions<BoardOptions> options)
{
    private const int ReplayBatch = 500;
    private static readonly ConditionalWeakTable<RecordedEvent, BoardEvent> Parsed = new();

    public async IAsyncEnumerable<BoardEvent> FollowAsync(
        EventStream board, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Subscribe before replaying: an event is then either in the replay or arrives live (or both, and is skipped).
        var live = Channel.CreateBounded<RecordedEvent>(new BoundedChannelOptions(options.Value.BufferPerFollower) { SingleReader = true });
        var overflowed = false;
        var watch = await tailer.WatchAsync(board, recorded =>
        {
            // A full buffer ends this feed instead of growing: the tailer never waits for a slow client.
            if (!live.Writer.TryWrite(recorded))
            {
                overflowed = true;
                live.Writer.TryComplete();
            }

            return Task.CompletedTask;
        }, cancellationToken);
        try
        {
            var delivered = afterSequence;
            await foreach (var missed in ReadAsync(board, delivered, long.MaxValue, cancellationToken))
            {
                delivered = missed.Sequence;
                yield return ToBoardEvent(missed);
            }

            await foreach (var recorded in live.Reader.ReadAllAsync(cancellationToken))
            {
                if (recorded.Sequence <= delivered)
                {
                    continue;
                }

                // Never skip a number: fill any hole from the log before the live event.
                await foreach (var filled in ReadAsync(board, delivered, recorded.Sequence - 1, cancellationToken))
                {
                    delivered = filled.Sequence;
                    yield return ToBoardEvent(filled);
                }

                delivered = recorded.Sequence;
                yield return ToBoardEvent(recorded);
            }

            if (overflowed)
            {
                throw new SlowFollowerException(delivered);
            }
        }
        finally
        {
            await watch.DisposeAsync();
        }
    }

    private async IAsyncEnumerable<RecordedEvent> ReadAsync(
        EventStream board, long after, long upTo, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (after < upTo)
        {
            var batch = await log.ReadAsync(board, after, ReplayBatch, cancellationToken);
            foreach (var recorded in batch.TakeWhile(e => e.Sequence <= upTo))
            {
                after = recorded.Sequence;
                yield return recorded;
            }

            if (batch.Count < ReplayBatch)
            {
                yield break;
            }
        }
    }

    // A live event is one instance shared by every follower on this node: parse its JSON once, not once per board.
    private static BoardEvent ToBoardEvent(RecordedEvent recorded) => Parsed.GetValue(recorded, Parse);

    private static BoardEvent Parse(RecordedEvent recorded)
    {
        using var document = JsonDocument.Parse(recorded.Payload);
        return new BoardEvent(recorded.Sequence, recorded.EventType, document.RootElement.Clone(), recorded.RecordedAt);
    }
}
