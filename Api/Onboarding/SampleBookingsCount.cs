namespace Actors.Api.Onboarding;

/// <summary>How many sample bookings a property's rooms still hold.</summary>
public sealed record SampleBookingsCount(int Count);
