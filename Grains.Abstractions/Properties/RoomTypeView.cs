using Orleans;

namespace Actors.Grains.Abstractions.Properties;

/// <summary>A room type with its standard rate, the nights priced differently, and how many guests it sleeps.</summary>
[GenerateSerializer, Immutable, Alias("RoomTypeView")]
public sealed record RoomTypeView(
    string Id,
    string Name,
    decimal NightlyRate,
    IReadOnlyList<RateOverride> Overrides,
    int MaxOccupancy = StayLimits.DefaultMaxOccupancy,
    decimal ExtraGuestCharge = 0,
    int IncludedGuests = StayLimits.DefaultMaxOccupancy);
