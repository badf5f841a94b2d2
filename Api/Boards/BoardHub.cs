using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;

namespace Actors.Api.Boards;

/// <summary>
/// The live room board over SignalR. A client follows a property from the last sequence it saw
/// and receives what it missed, then every change as it commits, in order and without duplicates.
/// </summary>
public sealed partial class BoardHub(BoardFeed feed, BoardConnections connections) : Hub
{
    private const string Counted = "board-connection-counted";

    public override async Task OnConnectedAsync()
    {
        if (!connections.TryOpen())
        {
            Context.Abort();
            throw new HubException("This node is at its board connection limit; try another node or later.");
        }

        Context.Items[Counted] = true;
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.Remove(Counted))
        {
            connections.Close();
        }

        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>Streams the board of one property: events after <paramref name="afterSequence"/> (0 for all), then live ones.</summary>
    public IAsyncEnumerable<SerializedBoardEvent> Follow(string organization, string property, long afterSequence, CancellationToken cancellationToken)
    {
        if (!Slug().IsMatch(organization ?? "") || !Slug().IsMatch(property ?? ""))
        {
            throw new HubException("organization and property must be ids: lowercase letters, digits and '-', at most 64 characters.");
        }

        if (afterSequence < 0)
        {
            throw new HubException("afterSequence must be 0 or the last sequence the board saw.");
        }

        return feed.FollowAsync(BoardStreams.For(organization!, property!), afterSequence, cancellationToken);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex Slug();
}
