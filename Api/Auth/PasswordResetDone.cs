namespace Actors.Api.Auth;

/// <summary>The account whose password the reset link set, so the page can offer to sign in as it.</summary>
public sealed record PasswordResetDone(string Email);
