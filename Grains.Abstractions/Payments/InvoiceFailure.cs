using Orleans;

namespace Actors.Grains.Abstractions.Payments;

/// <summary>An invoice Stripe could not collect, as reported in the event <paramref name="EventId"/>.</summary>
[GenerateSerializer, Immutable, Alias("InvoiceFailure")]
public sealed record InvoiceFailure(string InvoiceId, string SubscriptionId, string? Code, string Message, DateTimeOffset At, string EventId);
