namespace Actors.Grains.Abstractions.Payments;

/// <summary>Keys of the payment grains that are not keyed by organization alone.</summary>
public static class PaymentKeys
{
    /// <summary>A Stripe event within the account that sent it; the account comes first, as the organization does elsewhere.</summary>
    public static string Event(string account, string eventId) => $"{account}/{eventId}";
}
