using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Properties;

namespace Actors.Grains.Properties;

internal sealed class RoomTypeState
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public decimal NightlyRate { get; set; }

    /// <summary>How many guests a room of this type sleeps; room types saved before it was recorded read the default.</summary>
    public int MaxOccupancy { get; set; } = StayLimits.DefaultMaxOccupancy;

    /// <summary>What each guest beyond <see cref="IncludedGuests"/> adds to a night's rate.</summary>
    public decimal ExtraGuestCharge { get; set; }

    /// <summary>Guests the rate covers; unset (types saved before it was recorded), as many as a double sleeps, at most the room's occupancy.</summary>
    public int? IncludedGuests { get; set; }

    public int GuestsIncluded => Math.Min(IncludedGuests ?? StayLimits.DefaultMaxOccupancy, MaxOccupancy);

    /// <summary>Nights priced differently from <see cref="NightlyRate"/>.</summary>
    public SortedDictionary<DateOnly, decimal> Overrides { get; set; } = [];

    public decimal RateFor(DateOnly night) => Overrides.TryGetValue(night, out var rate) ? rate : NightlyRate;

    /// <summary>A night's price for a party: the night's rate, and the charge of each guest the rate does not cover.</summary>
    public decimal PriceFor(DateOnly night, int guests) => RateFor(night) + ExtraGuestCharge * Math.Max(0, guests - GuestsIncluded);

    public RoomTypeView ToView() => new(Id, Name, NightlyRate, [.. Overrides.Select(o => new RateOverride(o.Key, o.Value))], MaxOccupancy, ExtraGuestCharge, GuestsIncluded);

    public RoomType ToRoomType() => new(Id, Name, NightlyRate, MaxOccupancy, ExtraGuestCharge, GuestsIncluded);

    /// <summary>Takes what a save says; what it leaves out stays as saved (a rate change from an older client keeps the rest).</summary>
    public void Apply(RoomType roomType)
    {
        Name = roomType.Name;
        NightlyRate = roomType.NightlyRate;
        MaxOccupancy = roomType.MaxOccupancy ?? MaxOccupancy;
        ExtraGuestCharge = roomType.ExtraGuestCharge ?? ExtraGuestCharge;
        IncludedGuests = roomType.IncludedGuests ?? IncludedGuests;
    }

    /// <summary>Refuses a stay for more guests than a room of this type sleeps, naming the guest count.</summary>
    public void CheckOccupancy(int guests)
    {
        if (guests > MaxOccupancy)
        {
            throw new DomainValidationException("guests", $"A {Name} sleeps at most {MaxOccupancy} guest{(MaxOccupancy == 1 ? "" : "s")}; choose another room type or book more rooms.");
        }
    }
}
