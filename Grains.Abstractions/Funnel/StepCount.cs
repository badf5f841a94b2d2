using Orleans;

namespace Actors.Grains.Abstractions.Funnel;

/// <summary>Visits that reached a step, and the share of the previous step's (sessions, for "viewed") that did not.</summary>
[GenerateSerializer, Immutable, Alias("StepCount")]
public sealed record StepCount(string Step, int Visits, decimal DropOff);
