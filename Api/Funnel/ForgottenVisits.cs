namespace Actors.Api.Funnel;

/// <summary>How many visits' details a purge forgot.</summary>
public sealed record ForgottenVisits(int Forgotten);
