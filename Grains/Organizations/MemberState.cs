using Actors.Grains.Abstractions.Users;

namespace Actors.Grains.Organizations;

internal sealed class MemberState
{
    public Role Role { get; set; }

    public DateTimeOffset Since { get; set; }
}
