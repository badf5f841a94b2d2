namespace Actors.Api.Onboarding;

/// <summary>One sample booking to make: a room, its nights [CheckIn, CheckOut), a made-up guest and their party.</summary>
public sealed record SampleStay(string RoomId, DateOnly CheckIn, DateOnly CheckOut, string GuestName, string GuestEmail, int Guests);
