namespace Actors.Api.Bookings;

/// <summary>Who stays.</summary>
public sealed record GuestRequest(string? Name, string? Email);
