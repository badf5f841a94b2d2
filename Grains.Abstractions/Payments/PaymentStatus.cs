namespace Actors.Grains.Abstractions.Payments;

/// <summary>Where a booking's payment stands: waiting for the guest, last attempt failed, or paid.</summary>
public enum PaymentStatus
{
    Pending,
    Failed,
    Succeeded,
}
