using Actors.Grains.Abstractions.Properties;
using Actors.Grains.Abstractions.Rooms;
using Actors.Grains.Abstractions.Users;
using Orleans;

namespace Actors.Grains.Abstractions.Organizations;

/// <summary>An organization (key: its id): the tenant that owns properties and enforces its plan's limits.</summary>
[Alias("IOrganizationGrain")]
public interface IOrganizationGrain : IGrainWithStringKey
{
    /// <summary>Creates the organization; fails with a conflict if it already exists.</summary>
    Task<OrganizationView> Create(CreateOrganization command);

    /// <summary>Returns the organization, or fails with not-found.</summary>
    Task<OrganizationView> Get();

    /// <summary>Moves the organization to another plan; existing properties and rooms stay even above the new limits.</summary>
    Task<OrganizationView> ChangePlan(Plan plan);

    /// <summary>Opens a property within the plan's limit on properties.</summary>
    Task<PropertyView> AddProperty(string propertyId, CreateProperty command);

    /// <summary>Adds a room to one of the organization's properties within the plan's limit on rooms.</summary>
    Task<RoomView> AddRoom(string propertyId, NewRoom command);

    /// <summary>The role of <paramref name="email"/> here, or null when not a member (or no such organization).</summary>
    Task<Role?> RoleOf(string email);

    /// <summary>Lists the members with their roles.</summary>
    Task<IReadOnlyList<MemberView>> Members();

    /// <summary>Takes an account in with a role; fails with a conflict if it is already a member.</summary>
    Task<MemberView> AddMember(string email, Role role);

    /// <summary>Changes a member's role; the last owner cannot step down.</summary>
    Task<MemberView> ChangeRole(string email, Role role);

    /// <summary>Removes a member; the last owner cannot be removed.</summary>
    Task RemoveMember(string email);

    /// <summary>Invites someone; the answer carries the one-time token, which is not kept.</summary>
    Task<Invitation> Invite(NewInvitation invitation);

    /// <summary>Lists the invitations still open (not used, not expired), soonest to expire first; their tokens are not kept, so none is given.</summary>
    Task<IReadOnlyList<Invitation>> Invitations();

    /// <summary>The open invitation with this secret, or not-found (also when used or expired).</summary>
    Task<Invitation> FindInvitation(string secret);

    /// <summary>Uses the invitation once: its email becomes a member with its role.</summary>
    Task<MemberView> AcceptInvitation(string secret);
}
