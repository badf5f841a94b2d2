using Actors.Grains.Abstractions.Properties;

namespace Actors.Grains.Properties;

internal sealed class RoomTypeState
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public decimal NightlyRate { get; set; }

    /// <summary>Nights priced differently from <see cref="NightlyRate"/>.</summary>
    public SortedDictionary<DateOnly, decimal> Overrides { get; set; } = [];

    public decimal RateFor(DateOnly night) => Overrides.TryGetValue(night, out var rate) ? rate : NightlyRate;

    public RoomTypeView ToView() => new(Id, Name, NightlyRate, [.. Overrides.Select(o => new RateOverride(o.Key, o.Value))]);
}
