namespace Actors.Api.Payments;

/// <summary>Where to send the owner: a short-lived session of Stripe's customer portal.</summary>
public sealed record PortalSession(string Url);
