using Orleans;

namespace Actors.Grains.Abstractions.Figures;

/// <summary>A property's figures per night, as of event <paramref name="Sequence"/> of its stream.</summary>
[GenerateSerializer, Immutable, Alias("PropertyFigures")]
public sealed record PropertyFigures(string Currency, long Sequence, IReadOnlyList<NightFigures> Nights);
