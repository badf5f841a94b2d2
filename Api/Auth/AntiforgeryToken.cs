namespace Actors.Api.Auth;

/// <summary>The token a page sends in the header <paramref name="HeaderName"/> with each change it makes.</summary>
public sealed record AntiforgeryToken(string Token, string HeaderName);
