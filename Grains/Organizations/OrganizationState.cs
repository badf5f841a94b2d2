using Actors.Grains.Abstractions.Organizations;

namespace Actors.Grains.Organizations;

internal sealed class OrganizationState
{
    public bool Exists { get; set; }

    public string Name { get; set; } = "";

    public Plan Plan { get; set; }

    public List<string> Properties { get; set; } = [];

    /// <summary>Members by normalized email.</summary>
    public Dictionary<string, MemberState> Members { get; set; } = [];

    public List<InvitationState> Invitations { get; set; } = [];

    /// <summary>Accounts whose membership list has not yet heard of a change here (see OrganizationGrain.TellUsers).</summary>
    public List<string> UsersToTell { get; set; } = [];
}
