using Orleans;

namespace Actors.Grains.Abstractions.Payments;

/// <summary>Where a booking's payment stands: waiting for the guest, last attempt failed, or paid.</summary>
[GenerateSerializer, Alias("PaymentStatus")]
public enum PaymentStatus
{
    Pending,
    Failed,
    Succeeded,
}
