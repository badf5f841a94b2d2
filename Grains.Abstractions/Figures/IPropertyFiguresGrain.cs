using Orleans;

namespace Actors.Grains.Abstractions.Figures;

/// <summary>
/// A property's figures, kept up to date from its event stream (keyed like the property:
/// GrainKeys.Property). Sold means confirmed, in house or departed; holds are not sold.
/// </summary>
[Alias("IPropertyFiguresGrain")]
public interface IPropertyFiguresGrain : IGrainWithStringKey
{
    /// <summary>The figures of each night in [from, to).</summary>
    Task<PropertyFigures> GetAsync(DateOnly from, DateOnly to);

    /// <summary>The figures of tonight, the night that starts today in the property's time zone.</summary>
    Task<PropertyFigures> GetTonightAsync();

    /// <summary>
    /// The rooms that cannot be sold for any night of [checkIn, checkOut): a stay (held or sold) is in
    /// them, a block covers one of those nights, or they are out of order; as of the events the stream
    /// has brought, not one query more.
    /// Null when the figures hold a stay whose room they never learnt (kept before rooms were recorded).
    /// </summary>
    Task<IReadOnlyList<string>?> GetUnsellableRoomsAsync(DateOnly checkIn, DateOnly checkOut);
}
