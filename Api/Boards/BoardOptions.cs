namespace Actors.Api.Boards;

/// <summary>Limits of the live board feed, bound from the "Boards" configuration section.</summary>
public sealed class BoardOptions
{
    /// <summary>Board connections one node accepts; beyond it new ones are refused with a clear error.</summary>
    public int MaxConnections { get; set; } = 20_000;

    /// <summary>Events waiting to be sent to one board; a board further behind is disconnected and follows again from its last sequence.</summary>
    public int BufferPerFollower { get; set; } = 1_024;
}
