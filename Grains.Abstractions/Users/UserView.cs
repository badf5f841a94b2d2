using Orleans;

namespace Actors.Grains.Abstractions.Users;

/// <summary>An account as its owner sees it: name and the organizations it belongs to, with roles.</summary>
[GenerateSerializer, Immutable, Alias("UserView")]
public sealed record UserView(string Email, string Name, IReadOnlyDictionary<string, Role> Memberships);
