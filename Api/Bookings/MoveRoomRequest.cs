using Actors.Grains.Abstractions.Failures;

namespace Actors.Api.Bookings;

/// <summary>The room of the same property the booking moves to, for the same nights and price.</summary>
public sealed record MoveRoomRequest(string? RoomId)
{
    public string ToRoomId()
    {
        var errors = new FieldErrors();
        errors.Slug(RoomId, "roomId");
        errors.ThrowIfAny();
        return RoomId!;
    }
}
