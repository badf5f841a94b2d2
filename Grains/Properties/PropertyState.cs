using Actors.Grains.Abstractions.Properties;

namespace Actors.Grains.Properties;

internal sealed class PropertyState
{
    public bool Exists { get; set; }

    public PropertySettings? Settings { get; set; }

    public List<RoomTypeState> RoomTypes { get; set; } = [];

    public List<RoomSummary> Rooms { get; set; } = [];
}
