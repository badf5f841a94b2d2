using System.Text.RegularExpressions;
using Actors.Api.Boards;
using Microsoft.AspNetCore.SignalR;

namespace Actors.Benchmarks.Baseline;

/// <summary>
/// The conventional live board: a client joins its property's SignalR group and gets what it
/// missed from the events table; the poller then pushes new events to the group as "BoardEvent"
/// messages. A client drops duplicates by sequence (an event can be both missed and pushed).
/// </summary>
public sealed partial class BaselineBoardHub(BaselineBoards boards, BaselineStore store) : Hub
{
    public const string EventMethod = "BoardEvent";

    /// <summary>Joins the board of one property and returns its events after <paramref name="afterSequence"/> (at most 500).</summary>
    public async Task<IReadOnlyList<BoardEvent>> Follow(string organization, string property, long afterSequence)
    {
        if (!Slug().IsMatch(organization ?? "") || !Slug().IsMatch(property ?? "") || afterSequence < 0)
        {
            throw new HubException("organization and property must be ids, afterSequence 0 or more.");
        }

        var cancellationToken = Context.ConnectionAborted;
        await boards.FollowAsync(Context.ConnectionId, organization!, property!, ct => store.LastSequenceAsync(organization!, property!, ct), cancellationToken);
        await Groups.AddToGroupAsync(Context.ConnectionId, BaselineBoards.Key(organization!, property!), cancellationToken);
        return await store.ReadEventsAsync(organization!, property!, afterSequence, 500, cancellationToken);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        boards.Leave(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex Slug();
}
