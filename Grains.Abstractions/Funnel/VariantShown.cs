using Orleans;

namespace Actors.Grains.Abstractions.Funnel;

/// <summary>
/// The variant of a running A/B test a visitor sees, and what it changes on the page: the headline
/// (null: the property's name), the order of room types (empty: the property's), and whether "only N
/// left" shows when few rooms remain.
/// </summary>
[GenerateSerializer, Immutable, Alias("VariantShown")]
public sealed record VariantShown(string TestId, string Variant, string? Headline, IReadOnlyList<string> RoomTypeOrder, bool ShowRoomsLeft);
