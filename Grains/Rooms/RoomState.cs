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

    /// <summary>The calendar, read from the stays table on activation; never part of the stored state.</summary>
    [JsonIgnore]
    public List<StayRecord> Stays { get; set; } = [];
}
