using Actors.Grains.Abstractions.Rooms;

namespace Actors.Grains.Rooms;

/// <summary>A stay in the room's persisted calendar.</summary>
internal sealed class StayRecord
{
    public string BookingId { get; set; } = "";

    public DateOnly CheckIn { get; set; }

    public DateOnly CheckOut { get; set; }

    public StayKind Kind { get; set; }

    public DateTimeOffset? HoldUntil { get; set; }

    /// <summary>A lapsed hold no longer keeps its nights; it is dropped on the room's next change.</summary>
    public bool IsLive(DateTimeOffset now) => Kind != StayKind.Hold || HoldUntil > now;

    public bool Overlaps(DateOnly checkIn, DateOnly checkOut) => CheckIn < checkOut && checkIn < CheckOut;

    public StayRecord Copy() => (StayRecord)MemberwiseClone();

    public RoomStay ToView() => new(BookingId, CheckIn, CheckOut, Kind, HoldUntil);
}
