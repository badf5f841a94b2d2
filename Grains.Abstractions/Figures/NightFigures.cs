using Orleans;

namespace Actors.Grains.Abstractions.Figures;

/// <summary>
/// A property's figures for one night: rooms to sell (rooms minus out of order), rooms sold, occupancy
/// (sold / to sell), room revenue, ADR (revenue / sold), RevPAR (revenue / to sell), arrivals and
/// departures that day, and rooms whose guests have checked in.
/// </summary>
[GenerateSerializer, Immutable, Alias("NightFigures")]
public sealed record NightFigures(
    DateOnly Night,
    int Rooms,
    int OutOfOrder,
    int RoomsSold,
    decimal Occupancy,
    decimal RoomRevenue,
    decimal Adr,
    decimal RevPar,
    int Arrivals,
    int Departures,
    int InHouse);
