namespace Actors.Api.Auth;

/// <summary>The answer to a reset request, the same whether or not the email has an account.</summary>
public sealed record ResetRequested(string Message);
