using Actors.Grains.Abstractions.Users;

namespace Actors.Api.Exports;

/// <summary>A member and their role; never a password or its hash.</summary>
public sealed record ExportedMember(string? Email, Role? Role, DateTimeOffset? Since);
