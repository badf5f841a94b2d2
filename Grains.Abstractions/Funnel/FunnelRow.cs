using Orleans;

namespace Actors.Grains.Abstractions.Funnel;

/// <summary>The counts of one day, source, medium, campaign and variant.</summary>
[GenerateSerializer, Immutable, Alias("FunnelRow")]
public sealed record FunnelRow(
    DateOnly Day,
    string Source,
    string Medium,
    string Campaign,
    string TestId,
    string Variant,
    int Sessions,
    int Viewed,
    int Searched,
    int SawPrices,
    int ChoseRoom,
    int Held,
    int Confirmed,
    int Abandoned,
    decimal Revenue);
