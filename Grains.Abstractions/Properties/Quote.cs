using Orleans;

namespace Actors.Grains.Abstractions.Properties;

/// <summary>The price of a stay [CheckIn, CheckOut) in a room type for some guests: per night and in total.</summary>
[GenerateSerializer, Immutable, Alias("Quote")]
public sealed record Quote(string RoomType, DateOnly CheckIn, DateOnly CheckOut, string Currency, IReadOnlyList<NightPrice> Nights, decimal Total, int Guests = 1);
