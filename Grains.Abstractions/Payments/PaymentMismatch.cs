using Orleans;

namespace Actors.Grains.Abstractions.Payments;

/// <summary>
/// A payment that did not match what the booking owes (amounts in minor units): it confirmed nothing and
/// is owed back in full under <see cref="RefundReasons.AmountMismatch"/>; the hold stays.
/// </summary>
[GenerateSerializer, Immutable, Alias("PaymentMismatch")]
public sealed record PaymentMismatch(string IntentId, long Paid, string PaidCurrency, long Owed, string OwedCurrency, DateTimeOffset At);
