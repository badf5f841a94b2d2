using Microsoft.AspNetCore.SignalR;

namespace Actors.Api.Boards;

/// <summary>
/// One board connection following one property. While it catches up from the log, live events are
/// only noted (the log has them); once live, each event is written to the connection as it
/// arrives, never twice and never out of order. A connection with more unsent events than its buffer allows is closed:
/// the board reconnects and follows again from the last sequence it applied, so memory stays bounded
/// and nothing is lost.
/// </summary>
internal sealed class BoardFollower(HubConnectionContext connection, int buffer, BoardMetrics metrics)
{
    private readonly Lock gate = new();
    private bool missed;
    private bool live;
    private long delivered;
    private int unsent;

    public string ConnectionId => connection.ConnectionId;

    /// <summary>A live event from the relay: written now when live, queued while catching up.</summary>
    public void Offer(SerializedBoardEvent recorded, SerializedHubMessage message)
    {
        lock (gate)
        {
            if (!live)
            {
                // Catching up reads the log again, which has this event too: only note that one came.
                missed = true;
                return;
            }

            if (recorded.Sequence <= delivered)
            {
                return;
            }

            delivered = recorded.Sequence;
            Write(message);
            metrics.DeliveredLive();
        }
    }

    /// <summary>A message outside the event sequence (tonight's figures): written only once the board is live.</summary>
    public void Push(SerializedHubMessage message)
    {
        lock (gate)
        {
            if (live)
            {
                Write(message);
            }
        }
    }

    /// <summary>Writes one event while catching up (the caller sends them in order).</summary>
    public ValueTask SendAsync(SerializedBoardEvent recorded)
    {
        metrics.DeliveredWhileCatchingUp();
        return connection.WriteAsync(BoardMessages.For(recorded));
    }

    /// <summary>Goes live after everything up to <paramref name="caughtUp"/> was sent; false when live events arrived meanwhile and the log must be read again first.</summary>
    public bool TryGoLive(long caughtUp)
    {
        lock (gate)
        {
            if (missed)
            {
                missed = false;
                return false;
            }

            delivered = caughtUp;
            live = true;
            return true;
        }
    }

    private void Write(SerializedHubMessage message)
    {
        var writing = connection.WriteAsync(message);
        if (writing.IsCompletedSuccessfully)
        {
            return;
        }

        // The transport is full (the client reads slower than events come): count what waits behind it.
        if (Interlocked.Increment(ref unsent) > buffer)
        {
            CutOff();
        }

        _ = Sent(writing);
    }

    private async Task Sent(ValueTask writing)
    {
        try
        {
            await writing;
        }
        catch
        {
            // The connection went away; its disconnect removes the follower.
        }
        finally
        {
            Interlocked.Decrement(ref unsent);
        }
    }

    private void CutOff() => connection.Abort();
}
