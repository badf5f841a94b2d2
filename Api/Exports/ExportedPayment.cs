using Actors.Grains.Abstractions.Payments;

namespace Actors.Api.Exports;

/// <summary>A booking's payment as recorded: amounts in minor units (cents). Money stays with the Stripe account that took it, so an import does not bring it.</summary>
public sealed record ExportedPayment(PaymentStatus Status, long Amount, string Currency, long Refunded, DateTimeOffset? PaidAt);
