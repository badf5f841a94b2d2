using Actors.Grains.Abstractions.Properties;
using Actors.Grains.Abstractions.Rooms;
using Actors.Runtime;

namespace Actors.Grains.Abstractions.Organizations;

/// <summary>An organization (key: its id): the tenant that owns properties and enforces its plan's limits.</summary>
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
}
