using Actors.Api.Problems;
using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Properties;
using Actors.Grains.Abstractions.Rooms;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;

namespace Actors.Api.Rooms;

/// <summary>
/// A room's blocks: nights it is out of order or out of service, with a reason. Staff read them;
/// managers put them on and take them off (the default of AccessRules).
/// </summary>
public static class RoomBlocksApi
{
    public static RouteGroupBuilder MapRoomBlocksApi(this RouteGroupBuilder orgs)
    {
        var blocks = orgs.MapGroup("/{org}/properties/{property}/rooms/{room}/blocks").WithTags("Rooms");
        blocks.MapPost("/", CreateAsync).WithSummary("Takes a room off sale for the nights [from, to), out of order or out of service, with a reason; refused while a stay or another block shares a night.");
        blocks.MapGet("/", ListAsync).WithSummary("Lists a room's blocks.");
        blocks.MapGet("/{block}", GetAsync).WithSummary("Returns one of a room's blocks.");
        blocks.MapDelete("/{block}", RemoveAsync).WithSummary("Removes a block: its nights can be sold again.");
        return orgs;
    }

    private static async Task<Created<RoomBlock>> CreateAsync(string org, string property, string room, CreateBlockRequest request, IGrainFactory grains)
    {
        PathIds.Check(org, property, room);
        var block = await grains.GetGrain<IPropertyGrain>(GrainKeys.Property(org, property)).BlockRoom(room, request.ToCommand());
        return TypedResults.Created($"/api/orgs/{org}/properties/{property}/rooms/{room}/blocks/{block.Id}", block);
    }

    private static async Task<Ok<IReadOnlyList<RoomBlock>>> ListAsync(string org, string property, string room, IGrainFactory grains)
    {
        PathIds.Check(org, property, room);
        return TypedResults.Ok((await Room(grains, org, property, room).Get()).Blocks);
    }

    private static async Task<Ok<RoomBlock>> GetAsync(string org, string property, string room, string block, IGrainFactory grains)
    {
        PathIds.Check(org, property, room, block);
        var blocks = (await Room(grains, org, property, room).Get()).Blocks;
        return TypedResults.Ok(blocks.FirstOrDefault(b => b.Id == block) ?? throw new NotFoundException($"Room '{room}' has no block '{block}'."));
    }

    private static async Task<NoContent> RemoveAsync(string org, string property, string room, string block, IGrainFactory grains)
    {
        PathIds.Check(org, property, room, block);
        await Room(grains, org, property, room).Unblock(block);
        return TypedResults.NoContent();
    }

    private static IRoomGrain Room(IGrainFactory grains, string org, string property, string room) =>
        grains.GetGrain<IRoomGrain>(GrainKeys.Room(org, property, room));
}
