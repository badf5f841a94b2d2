namespace Actors.Api.Onboarding;

/// <summary>What a request did to a property's sample bookings: how many it made or took away, and how many nights it found taken.</summary>
public sealed record SampleBookingsChange(int Added, int Removed, int Skipped);
