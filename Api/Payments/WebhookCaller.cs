namespace Actors.Api.Payments;

/// <summary>Where a webhook delivery came in and from, for the audit entry of what it changed.</summary>
public sealed record WebhookCaller(string Route, string? RemoteAddress, string? UserAgent);
