using Orleans;

namespace Actors.Grains.Abstractions.Users;

/// <summary>
/// What a member may do in an organization; each role includes the ones below it. Staff read,
/// keep house and check guests in and out; managers also run properties, rooms, rates and
/// bookings; owners also manage members, the plan and read the audit log.
/// </summary>
[GenerateSerializer, Alias("Role")]
public enum Role
{
    Staff = 1,
    Manager = 2,
    Owner = 3,
}
