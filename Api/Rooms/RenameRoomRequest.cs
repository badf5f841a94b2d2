using Actors.Grains.Abstractions.Failures;

namespace Actors.Api.Rooms;

/// <summary>The room's new name on the board.</summary>
public sealed record RenameRoomRequest(string? Name)
{
    public string ToName()
    {
        var errors = new FieldErrors();
        errors.Text(Name, "name");
        errors.ThrowIfAny();
        return Name!;
    }
}
