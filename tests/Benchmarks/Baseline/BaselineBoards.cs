using System.Collections.Concurrent;

namespace Actors.Benchmarks.Baseline;

/// <summary>
/// The boards followed on this node: which connection follows which property, and up to which
/// sequence the poller has pushed each property's events. Only followed boards are polled.
/// </summary>
public sealed class BaselineBoards
{
    private readonly ConcurrentDictionary<string, string> followers = new();
    private readonly ConcurrentDictionary<string, Board> boards = new();

    public static string Key(string org, string property) => $"{org}/{property}";

    /// <summary>Counts the connection as a follower; a board followed for the first time starts at its current last event.</summary>
    public async Task FollowAsync(string connectionId, string org, string property, Func<CancellationToken, Task<long>> lastSequence, CancellationToken cancellationToken)
    {
        var key = Key(org, property);
        if (!followers.TryAdd(connectionId, key))
        {
            throw new InvalidOperationException("This connection already follows a board.");
        }

        var board = boards.GetOrAdd(key, _ => new Board(org, property));
        Interlocked.Increment(ref board.Followers);
        if (Interlocked.Read(ref board.Delivered) < 0)
        {
            Interlocked.CompareExchange(ref board.Delivered, await lastSequence(cancellationToken), -1);
        }
    }

    public void Leave(string connectionId)
    {
        if (followers.TryRemove(connectionId, out var key) && boards.TryGetValue(key, out var board) && Interlocked.Decrement(ref board.Followers) == 0)
        {
            boards.TryRemove(KeyValuePair.Create(key, board));
        }
    }

    /// <summary>Every followed board whose starting point is known, with the last sequence pushed.</summary>
    public IReadOnlyList<WatchedBoard> Watched() =>
        [.. boards.Values.Where(b => Interlocked.Read(ref b.Delivered) >= 0).Select(b => new WatchedBoard(b.Org, b.Property, Interlocked.Read(ref b.Delivered)))];

    public void Delivered(string key, long sequence)
    {
        if (boards.TryGetValue(key, out var board))
        {
            Interlocked.Exchange(ref board.Delivered, sequence);
        }
    }

    private sealed class Board(string org, string property)
    {
        public readonly string Org = org;
        public readonly string Property = property;
        public int Followers;

        // -1 until the board's last sequence at the first follow is read.
        public long Delivered = -1;
    }
}
