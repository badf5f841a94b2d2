using Orleans;

namespace Actors.Grains.Abstractions.Users;

/// <summary>Opens an account: a display name and a password (hashed by the user grain, never stored as given).</summary>
[GenerateSerializer, Immutable, Alias("NewAccount")]
public sealed record NewAccount(string Name, string Password);
