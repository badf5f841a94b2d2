namespace Actors.Api.Payments;

/// <summary>What a webhook delivery did: the outcome of processing, or of the first delivery when this one is a duplicate.</summary>
public sealed record WebhookReceipt(string EventId, string Type, string Outcome, bool Duplicate);
