using Microsoft.AspNetCore.SignalR;

namespace Actors.Api.Boards;

/// <summary>A board client fell further behind than its buffer allows; it should follow again from its last sequence.</summary>
public sealed class SlowFollowerException(long lastDelivered)
    : HubException($"The board client fell too far behind; follow again from sequence {lastDelivered}.")
{
    public long LastDelivered { get; } = lastDelivered;
}
