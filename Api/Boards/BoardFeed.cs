using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Actors.Persistence.EventLog;
using Microsoft.Extensions.Options;

namespace Actors.Api.Boards;

/// <summary>
/// Everything a board needs after the sequence it last saw: first the events it missed, read from
/// the durable log, then live events as this node's stream subscription relays them, in order and
/// each once.
/// </summary>
public sealed class BoardFeed(IEventLog log, BoardRelay relay, IOptions<BoardOptions> options)
{
    private const int ReplayBatch = 500;

    public async IAsyncEnumerable<SerializedBoardEvent> FollowAsync(
        EventStream board, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Subscribe before replaying: an event is then either in the replay or arrives live (or both, and is skipped).
        var live = Channel.CreateBounded<SerializedBoardEvent>(new BoundedChannelOptions(options.Value.BufferPerFollower) { SingleReader = true });
        var overflowed = false;
        var following = await relay.FollowAsync(board, serialized =>
        {
            // A full buffer ends this feed instead of growing: the relay never waits for a slow client.
            if (!live.Writer.TryWrite(serialized))
            {
                overflowed = true;
                live.Writer.TryComplete();
            }
        });
        try
        {
            var delivered = afterSequence;
            await foreach (var missed in ReadAsync(board, delivered, long.MaxValue, cancellationToken))
            {
                delivered = missed.Sequence;
                yield return missed;
            }

            await foreach (var relayed in live.Reader.ReadAllAsync(cancellationToken))
            {
                if (relayed.Sequence <= delivered)
                {
                    continue;
                }

                // Never skip a number: fill any hole from the log before the live event.
                await foreach (var filled in ReadAsync(board, delivered, relayed.Sequence - 1, cancellationToken))
                {
                    delivered = filled.Sequence;
                    yield return filled;
                }

                delivered = relayed.Sequence;
                yield return relayed;
            }

            if (overflowed)
            {
                throw new SlowFollowerException(delivered);
            }
        }
        finally
        {
            await following.DisposeAsync();
        }
    }

    private async IAsyncEnumerable<SerializedBoardEvent> ReadAsync(
        EventStream board, long after, long upTo, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (after < upTo)
        {
            var batch = await log.ReadAsync(board, after, ReplayBatch, cancellationToken);
            foreach (var recorded in batch.TakeWhile(e => e.Sequence <= upTo))
            {
                after = recorded.Sequence;
                yield return SerializedBoardEvent.From(recorded);
            }

            if (batch.Count < ReplayBatch)
            {
                yield break;
            }
        }
    }
}
