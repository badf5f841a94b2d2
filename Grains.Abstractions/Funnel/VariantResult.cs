using Orleans;

namespace Actors.Grains.Abstractions.Funnel;

/// <summary>One variant's sessions, bookings, conversion and revenue; Z and P against the first variant, null for the first or when either has no sessions.</summary>
[GenerateSerializer, Immutable, Alias("VariantResult")]
public sealed record VariantResult(string Variant, int Sessions, int Bookings, decimal Conversion, decimal Revenue, double? Z, double? P);
