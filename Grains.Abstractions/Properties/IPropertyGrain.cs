using Actors.Grains.Abstractions.Rooms;
using Orleans;
using Orleans.Concurrency;

namespace Actors.Grains.Abstractions.Properties;

/// <summary>A property (key: "org/property"): settings, room types, rates and rooms; prices stays and answers availability.</summary>
[Alias("IPropertyGrain")]
public interface IPropertyGrain : IGrainWithStringKey
{
    /// <summary>Creates the property; called by its organization, which checks the plan first.</summary>
    Task<PropertyView> Create(CreateProperty command);

    /// <summary>Returns the property, or fails with not-found.</summary>
    Task<PropertyView> Get();

    /// <summary>Replaces the property's settings; bookings already made keep the price and policy they were made with.</summary>
    Task<PropertyView> UpdateSettings(PropertySettings settings);

    /// <summary>Adds a room type or changes its name and standard rate.</summary>
    Task<PropertyView> SaveRoomType(RoomType roomType);

    /// <summary>Sets or clears the rate of a room type for a range of nights.</summary>
    Task<PropertyView> SetNightlyRates(SetNightlyRates command);

    /// <summary>Adds a room of one of the property's room types; called by the organization, which checks the plan first.</summary>
    Task<RoomView> AddRoom(NewRoom command);

    /// <summary>Renames one of the property's rooms.</summary>
    Task<RoomView> RenameRoom(string roomId, string name);

    /// <summary>Takes a room out of service for good; refused while it still has stays to come.</summary>
    Task<RoomView> RetireRoom(string roomId);

    /// <summary>Blocks one of the property's rooms for some nights, not before today at the property.</summary>
    Task<RoomBlock> BlockRoom(string roomId, NewBlock block);

    /// <summary>Counts rooms that are not retired, for the organization's plan limit.</summary>
    Task<int> CountActiveRooms();

    /// <summary>Lists every room with its housekeeping status.</summary>
    Task<IReadOnlyList<RoomView>> ListRooms();

    /// <summary>Checks a stay request against the property's rules and prices it, naming the rooms to try.</summary>
    Task<StayPlan> PlanStay(StayRequest request);

    /// <summary>Prices a stay in one room type for some guests without looking at availability; refused above the type's occupancy.</summary>
    Task<Quote> Quote(string roomType, DateOnly checkIn, DateOnly checkOut, int guests);

    /// <summary>Finds which room types sleeping <paramref name="guests"/> have rooms free for every night of the stay, how many, and the price.</summary>
    [AlwaysInterleave]
    Task<AvailabilityView> SearchAvailability(DateOnly checkIn, DateOnly checkOut, int guests);
}
