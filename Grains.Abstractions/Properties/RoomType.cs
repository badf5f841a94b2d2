using Orleans;

namespace Actors.Grains.Abstractions.Properties;

/// <summary>
/// A kind of room a guest books (e.g. "double"), with its standard nightly rate and how many guests
/// it sleeps. <paramref name="MaxOccupancy"/> left out keeps a saved room type's occupancy, or gives a
/// new one <see cref="StayLimits.DefaultMaxOccupancy"/>; the property fills it in on what it returns and raises.
/// The rate covers <paramref name="IncludedGuests"/> (2, or fewer when the room sleeps fewer); each guest
/// beyond pays <paramref name="ExtraGuestCharge"/> a night (none by default). Left out, both keep what was saved.
/// </summary>
[GenerateSerializer, Immutable, Alias("RoomType")]
public sealed record RoomType(string Id, string Name, decimal NightlyRate, int? MaxOccupancy = null, decimal? ExtraGuestCharge = null, int? IncludedGuests = null);
