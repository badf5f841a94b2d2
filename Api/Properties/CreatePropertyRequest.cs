using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Properties;

namespace Actors.Api.Properties;

/// <summary>Opens a property: its id, settings and the room types it sells.</summary>
public sealed record CreatePropertyRequest(string? Id, PropertySettingsRequest? Settings, IReadOnlyList<RoomTypeRequest?>? RoomTypes)
{
    public CreateProperty ToCommand()
    {
        var errors = new FieldErrors();
        errors.Slug(Id, "id");
        var settings = errors.Required(Settings, "settings") ? Settings!.ToSettings(errors, "settings.") : null;
        var roomTypes = new List<RoomType>();
        if (RoomTypes is { Count: > 100 })
        {
            errors.Add("roomTypes", "At most 100 room types.");
        }
        else
        {
            for (var i = 0; i < (RoomTypes?.Count ?? 0); i++)
            {
                if (errors.Required(RoomTypes![i], $"roomTypes[{i}]"))
                {
                    roomTypes.Add(RoomTypes[i]!.ToRoomType(errors, $"roomTypes[{i}]."));
                }
            }
        }

        if (roomTypes.GroupBy(t => t.Id).Any(g => g.Count() > 1))
        {
            errors.Add("roomTypes", "Room type ids must be unique.");
        }

        errors.ThrowIfAny();
        return new CreateProperty(settings!, roomTypes);
    }
}
