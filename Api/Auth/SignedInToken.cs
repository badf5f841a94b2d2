namespace Actors.Api.Auth;

/// <summary>A bearer token for <paramref name="Email"/>, good until <paramref name="ExpiresAt"/>.</summary>
public sealed record SignedInToken(string Token, DateTimeOffset ExpiresAt, string Email);
