namespace Actors.Grains.Abstractions.Payments;

/// <summary>Why money goes back; stable names, stored and shown to clients.</summary>
public static class RefundReasons
{
    /// <summary>The guest cancelled; what was paid minus the cancellation fee goes back.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The payment arrived after the hold had lapsed: there is no booking to pay for.</summary>
    public const string HoldExpired = "hold-expired";

    /// <summary>The payment arrived for a booking already cancelled or gone.</summary>
    public const string BookingGone = "booking-gone";

    /// <summary>A second intent paid for a booking that was already paid.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>The payment's amount or currency is not what the booking owes, so it confirmed nothing.</summary>
    public const string AmountMismatch = "amount-mismatch";
}
