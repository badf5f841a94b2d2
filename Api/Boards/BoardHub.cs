using System.Text.RegularExpressions;
using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Properties;
using Actors.Persistence.EventLog;
using Orleans;
using Microsoft.AspNetCore.SignalR;

namespace Actors.Api.Boards;

/// <summary>
/// The live room board over SignalR. A client follows a property from the last sequence it saw
/// and receives what it missed, then every change as it commits, in order and without duplicates,
/// as "BoardEvent" messages (see <see cref="BoardEvent"/> for their shape).
/// </summary>
public sealed partial class BoardHub(BoardRelay relay, BoardLifetimeManager lifetime, BoardConnections connections, IGrainFactory grains, IEventLog log) : Hub
{
    /// <summary>
    /// How a refused Follow begins when the board's resume point is past the end of the property's log:
    /// the log is not the one the board followed (a restart in memory, a restored database), so the
    /// board must load its snapshot again and follow from the sequence that comes with it.
    /// </summary>
    public const string AheadOfLog = "ahead-of-log";

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

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.Remove(Counted))
        {
            connections.Close();
        }

        await relay.LeaveAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>
    /// Follows the board of one property: the client's "BoardEvent" handler gets the events after
    /// <paramref name="afterSequence"/> (0 for all), then every change as it commits, in order and each
    /// once; a board that follows another property stops following this one. Returns the sequence the
    /// board has caught up to. A board that reads too slowly is disconnected and follows again from
    /// its last sequence. A resume point past the end of the log is refused with a message starting
    /// <see cref="AheadOfLog"/>: the board then loads its snapshot again.
    /// </summary>
    public async Task<long> Follow(string organization, string property, long afterSequence)
    {
        if (!Slug().IsMatch(organization ?? "") || !Slug().IsMatch(property ?? ""))
        {
            throw new HubException("organization and property must be ids: lowercase letters, digits and '-', at most 64 characters.");
        }

        if (afterSequence < 0)
        {
            throw new HubException("afterSequence must be 0 or the last sequence the board saw.");
        }

        try
        {
            // A board of a property that does not exist would wait forever for events that never come.
            await grains.GetGrain<IPropertyGrain>(GrainKeys.Property(organization!, property!)).Get();
        }
        catch (NotFoundException)
        {
            throw new HubException($"No property '{property}' in '{organization}'.");
        }

        var stream = BoardStreams.For(organization!, property!);
        var end = await log.ReadLastSequenceAsync(stream, Context.ConnectionAborted);
        if (afterSequence > end)
        {
            // Catching up would find nothing and the board would wait, silent, until the log reached its number.
            throw new HubException($"{AheadOfLog}: the board resumes after event {afterSequence}, but this property's log ends at {end}; load the board again.");
        }

        var connection = lifetime.Find(Context.ConnectionId) ?? throw new HubException("This connection is closing; connect again.");
        await relay.LeaveAsync(Context.ConnectionId);
        return await relay.FollowAsync(stream, connection, afterSequence, Context.ConnectionAborted);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex Slug();
}
