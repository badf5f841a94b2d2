using Actors.Api.Problems;
using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Organizations;
using Actors.Grains.Abstractions.Properties;
using Actors.Grains.Abstractions.Rooms;
using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Api.Rooms;

/// <summary>Rooms of a property: add (within the plan), list, rename, retire, housekeeping status.</summary>
public static class RoomsApi
{
    public static RouteGroupBuilder MapRoomsApi(this RouteGroupBuilder orgs)
    {
        var rooms = orgs.MapGroup("/{org}/properties/{property}/rooms").WithTags("Rooms");
        rooms.MapPost("/", AddAsync).WithSummary("Adds a room, within the plan's limit.");
        rooms.MapGet("/", ListAsync).WithSummary("Lists the property's rooms with status and calendar.");
        rooms.MapGet("/{room}", GetAsync).WithSummary("Returns a room with its status and calendar.");
        rooms.MapPut("/{room}/name", RenameAsync).WithSummary("Renames a room.");
        rooms.MapPost("/{room}/retire", RetireAsync).WithSummary("Retires a room that has no stays to come.");
        rooms.MapPut("/{room}/housekeeping", SetHousekeepingAsync).WithSummary("Sets a room's housekeeping status; out of order closes it to new stays.");
        return orgs;
    }

    private static async Task<Created<RoomView>> AddAsync(string org, string property, AddRoomRequest request, IGrainFactory grains)
    {
        PathIds.Check(org, property);
        var view = await grains.GetGrain<IOrganizationGrain>(org).AddRoom(property, request.ToCommand());
        return TypedResults.Created($"/api/orgs/{org}/properties/{property}/rooms/{view.Id}", view);
    }

    private static async Task<Ok<IReadOnlyList<RoomView>>> ListAsync(string org, string property, IGrainFactory grains)
    {
        PathIds.Check(org, property);
        return TypedResults.Ok(await Property(grains, org, property).ListRooms());
    }

    private static async Task<Ok<RoomView>> GetAsync(string org, string property, string room, IGrainFactory grains)
    {
        PathIds.Check(org, property, room);
        return TypedResults.Ok(await Room(grains, org, property, room).Get());
    }

    private static async Task<Ok<RoomView>> RenameAsync(string org, string property, string room, RenameRoomRequest request, IGrainFactory grains)
    {
        PathIds.Check(org, property, room);
        return TypedResults.Ok(await Property(grains, org, property).RenameRoom(room, request.ToName()));
    }

    private static async Task<Ok<RoomView>> RetireAsync(string org, string property, string room, IGrainFactory grains)
    {
        PathIds.Check(org, property, room);
        return TypedResults.Ok(await Property(grains, org, property).RetireRoom(room));
    }

    private static async Task<Ok<RoomView>> SetHousekeepingAsync(string org, string property, string room, SetHousekeepingRequest request, IGrainFactory grains)
    {
        PathIds.Check(org, property, room);
        return TypedResults.Ok(await Room(grains, org, property, room).SetHousekeeping(request.ToStatus()));
    }

    private static IPropertyGrain Property(IGrainFactory grains, string org, string property) =>
        grains.GetGrain<IPropertyGrain>(GrainKeys.Property(org, property));

    private static IRoomGrain Room(IGrainFactory grains, string org, string property, string room) =>
        grains.GetGrain<IRoomGrain>(GrainKeys.Room(org, property, room));
}
