using Orleans;

namespace Actors.Grains.Abstractions.Users;

/// <summary>
/// An invitation to join an organization. <see cref="Token"/> is shown once, to the owner who
/// invited; the organization keeps only its hash.
/// </summary>
[GenerateSerializer, Immutable, Alias("Invitation")]
public sealed record Invitation(string Organization, string Email, Role Role, DateTimeOffset ExpiresAt, string? Token = null);
