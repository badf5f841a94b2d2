using Actors.Grains.Abstractions.Users;

namespace Actors.Api.Auth;

/// <summary>A successful sign-in: the bearer token to send as "Authorization: Bearer {token}", and the account.</summary>
public sealed record SignedIn(string Token, DateTimeOffset ExpiresAt, UserView User);
