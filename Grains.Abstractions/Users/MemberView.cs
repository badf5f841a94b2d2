using Orleans;

namespace Actors.Grains.Abstractions.Users;

/// <summary>A member of an organization: who (normalized email) and with which role.</summary>
[GenerateSerializer, Immutable, Alias("MemberView")]
public sealed record MemberView(string Email, Role Role, DateTimeOffset Since);
