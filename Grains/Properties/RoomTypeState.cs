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

    /// <summary>Nights priced differently from <see cref="NightlyRate"/>.</summary>
    public SortedDictionary<DateOnly, decimal> Overrides { get; set; } = [];

    public decimal RateFor(DateOnly night) => Overrides.TryGetValue(night, out var rate) ? rate : NightlyRate;

    public RoomTypeView ToView() => new(Id, Name, NightlyRate, [.. Overrides.Select(o => new RateOverride(o.Key, o.Value))], MaxOccupancy);

    public RoomType ToRoomType() => new(Id, Name, NightlyRate, MaxOccupancy);

    /// <summary>Refuses a stay for more guests than a room of this type sleeps, naming the guest count.</summary>
    public void CheckOccupancy(int guests)
    {
        if (guests > MaxOccupancy)
        {
            throw new DomainValidationException("guests", $"A {Name} sleeps at most {MaxOccupancy} guest{(MaxOccupancy == 1 ? "" : "s")}; choose another room type or book more rooms.");
        }
    }
}
