using Actors.Grains.Abstractions.Properties;

namespace Actors.Api.Properties;

/// <summary>Free cancellation until so many days before arrival; later, the late fee.</summary>
public sealed record CancellationPolicyRequest(int? FreeUntilDaysBeforeArrival, LateCancellationFee? LateFee);
