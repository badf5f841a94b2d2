using Orleans;

namespace Actors.Grains.Abstractions.Funnel;

/// <summary>
/// A variant of an A/B test: its key, its share of visitors (weight against the other variants'), and
/// what it changes on the booking page: the headline (null: the property's name), the order of room
/// types (empty: the property's own) and whether "only N left" shows when few rooms remain.
/// </summary>
[GenerateSerializer, Immutable, Alias("AbVariant")]
public sealed record AbVariant(string Key, int Weight, string? Headline, IReadOnlyList<string> RoomTypeOrder, bool ShowRoomsLeft);
