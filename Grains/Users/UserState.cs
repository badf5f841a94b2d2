using Actors.Grains.Abstractions.Users;

namespace Actors.Grains.Users;

internal sealed class UserState
{
    public string Name { get; set; } = "";

    /// <summary>Null until the account is registered; memberships can arrive first (an invitation accepted mid-way).</summary>
    public string? PasswordHash { get; set; }

    public Dictionary<string, Role> Memberships { get; set; } = [];

    public int FailedSignIns { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>Carried by every token and cookie of the account; replaced to end them all. Null until first asked for.</summary>
    public string? SessionStamp { get; set; }
}
