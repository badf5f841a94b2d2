using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Rooms;

namespace Actors.Api.Rooms;

/// <summary>A room to add: id (e.g. "101"), the name on the board, and its room type.</summary>
public sealed record AddRoomRequest(string? Id, string? Name, string? RoomType)
{
    public NewRoom ToCommand()
    {
        var errors = new FieldErrors();
        errors.Slug(Id, "id");
        errors.Text(Name, "name");
        errors.Slug(RoomType, "roomType");
        errors.ThrowIfAny();
        return new NewRoom(Id!, Name!, RoomType!);
    }
}
