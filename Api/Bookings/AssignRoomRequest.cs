using Actors.Grains.Abstractions.Failures;

namespace Actors.Api.Bookings;

/// <summary>The room to give a booking made by room type; none keeps the room the system chose for it.</summary>
public sealed record AssignRoomRequest(string? RoomId)
{
    public string? ToRoomId()
    {
        if (RoomId is null)
        {
            return null;
        }

        var errors = new FieldErrors();
        errors.Slug(RoomId, "roomId");
        errors.ThrowIfAny();
        return RoomId;
    }
}
