using Orleans;

namespace Actors.Grains.Abstractions.Funnel;

/// <summary>Sessions, bookings, conversion (bookings over sessions) and revenue of one source, medium and campaign.</summary>
[GenerateSerializer, Immutable, Alias("SourceResult")]
public sealed record SourceResult(string Source, string Medium, string Campaign, int Sessions, int Bookings, decimal Conversion, decimal Revenue);
