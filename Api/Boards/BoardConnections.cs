using Microsoft.Extensions.Options;

namespace Actors.Api.Boards;

/// <summary>Counts this node's board connections against the configured limit.</summary>
public sealed class BoardConnections(IOptions<BoardOptions> options)
{
    private int open;

    public int Open => Volatile.Read(ref open);

    public bool IsFull => Open >= options.Value.MaxConnections;

    public bool TryOpen()
    {
        if (Interlocked.Increment(ref open) <= options.Value.MaxConnections)
        {
            return true;
        }

        Interlocked.Decrement(ref open);
        return false;
    }

    public void Close() => Interlocked.Decrement(ref open);
}
