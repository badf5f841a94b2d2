using System.Text.Json.Serialization;
using Actors.Grains.Abstractions.Funnel;

namespace Actors.Api.Funnel;

/// <summary>
/// A variant as a manager defines it: key, weight (1 to 1000, its share against the others'), and what
/// it changes: headline (left out: the property's name), roomTypeOrder (room type ids first in that
/// order; left out: the property's order) and showRoomsLeft ("only N left" when three or fewer remain; true when left out).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AbVariantRequest(string? Key, int? Weight, string? Headline, IReadOnlyList<string>? RoomTypeOrder, bool? ShowRoomsLeft)
{
    public AbVariant ToVariant() => new(Key ?? "", Weight ?? 0, Headline, RoomTypeOrder ?? [], ShowRoomsLeft ?? true);
}
