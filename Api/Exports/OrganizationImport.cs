using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Organizations;
using Actors.Grains.Abstractions.Properties;
using Actors.Grains.Abstractions.Rooms;
using Actors.Grains.Abstractions.Users;
using Orleans;

namespace Actors.Api.Exports;

/// <summary>
/// Writes a checked <see cref="ImportPlan"/> through the grains, each step by the door the platform
/// already uses (the organization for the plan's limits, the property, the rooms and their blocks, the bookings), so
/// each one raises the events that boards, figures and webhooks follow. Ids keep their values: they
/// are unique within an organization and every grain key starts with it.
/// </summary>
public static class OrganizationImport
{
    private const int Concurrency = 8;

    /// <summary>Runs to the end once started: a caller who hangs up must not leave half an organization behind.</summary>
    public static async Task<ImportSummary> RunAsync(
        IGrainFactory grains, string org, ImportPlan plan, string invitedBy, TimeSpan invitationLifetime)
    {
        var organization = grains.GetGrain<IOrganizationGrain>(org);
        foreach (var property in plan.Properties)
        {
            await organization.AddProperty(property.Id, property.Create);
        }

        // Retired rooms first: each is out of service again before the plan's limit counts the next room.
        foreach (var (property, room) in plan.Properties.SelectMany(p => p.Rooms.Select(r => (Property: p.Id, Room: r))).OrderBy(r => !r.Room.Retired))
        {
            await AddRoomAsync(grains, organization, org, property, room);
        }

        foreach (var property in plan.Properties)
        {
            var grain = grains.GetGrain<IPropertyGrain>(GrainKeys.Property(org, property.Id));
            foreach (var rates in property.Rates)
            {
                await grain.SetNightlyRates(rates);
            }
        }

        // A room takes one turn at a time, so stays of one room queue there while other rooms go ahead.
        await Parallel.ForEachAsync(
            plan.Properties.SelectMany(p => p.Bookings),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency },
            async (booking, _) => await grains.GetGrain<IBookingGrain>(GrainKeys.Booking(org, booking.Id)).Restore(booking.Restore));

        var invitations = new List<Invitation>();
        foreach (var (email, role) in plan.Invitations)
        {
            invitations.Add(await organization.Invite(new NewInvitation(email, role, invitedBy, invitationLifetime)));
        }

        return new ImportSummary(plan.Properties.Count, plan.Rooms, plan.Bookings, invitations);
    }

    private static async Task AddRoomAsync(IGrainFactory grains, IOrganizationGrain organization, string org, string property, PlannedRoom room)
    {
        await organization.AddRoom(property, room.Room);
        var grain = grains.GetGrain<IRoomGrain>(GrainKeys.Room(org, property, room.Room.Id));
        if (room.Housekeeping != Housekeeping.Clean)
        {
            await grain.SetHousekeeping(room.Housekeeping);
        }

        // Under their own ids and past ones too; the check made sure no stay of the document shares their nights.
        foreach (var block in room.Blocks)
        {
            await grain.RestoreBlock(block);
        }

        if (room.Retired)
        {
            await grains.GetGrain<IPropertyGrain>(GrainKeys.Property(org, property)).RetireRoom(room.Room.Id);
        }
    }
}
