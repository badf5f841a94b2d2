using System.Text.Json.Serialization;
using Actors.Grains.Abstractions.Rooms;

namespace Actors.Grains.Rooms;

internal sealed class RoomState
{
    public bool Exists { get; set; }

    public string Name { get; set; } = "";

    public string RoomType { get; set; } = "";

    public bool Retired { get; set; }

    public Housekeeping Housekeeping { get; set; } = Housekeeping.Clean;

    /// <summary>Nights off sale (out of order or out of service), kept in the room's own state: few, and only the room sets them.</summary>
    public List<RoomBlock> Blocks { get; set; } = [];

    /// <summary>The number of the last block put on the room, so a removed block's id is never given again.</summary>
    public int LastBlock { get; set; }

    /// <summary>The calendar, read from the stays table on activation; never part of the stored state.</summary>
    [JsonIgnore]
    public List<StayRecord> Stays { get; set; } = [];
}
