using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Organizations;
using Actors.Grains.Abstractions.Properties;
using Actors.Grains.Abstractions.Rooms;
using Actors.Runtime;
using Actors.Runtime.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Silo.StartupTasks;

/// <summary>
/// Gives a newcomer something to look at: on in-memory storage (the embedded default) it opens the
/// organization "demo" with the property "harbour-view" and a few rooms. On PostgreSQL it runs only
/// when "Demo:Seed" is true, and leaves an existing demo organization alone.
/// </summary>
internal sealed class SeedDemoPropertyTask(
    IGrainFactory grains,
    IGrainStorage storage,
    IConfiguration configuration,
    ILogger<SeedDemoPropertyTask> logger) : IHostedService
{
    public const string Organization = "demo";
    public const string Property = "harbour-view";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Demo:Seed", defaultValue: !storage.IsDurable))
        {
            return;
        }

        var organization = grains.GetGrain<IOrganizationGrain>(Organization);
        try
        {
            await organization.Get();
            return;
        }
        catch (NotFoundException)
        {
            // Not seeded yet.
        }

        await organization.Create(new CreateOrganization("Demo Hotels", Plan.Premium));
        await organization.AddProperty(Property, new CreateProperty(
            new PropertySettings(
                "Harbour View",
                "Europe/Lisbon",
                "EUR",
                new TimeOnly(15, 0),
                new TimeOnly(11, 0),
                MinimumStay: 1,
                new CancellationPolicy(2, LateCancellationFee.FirstNight)),
            [new RoomType("double", "Double room", 120m), new RoomType("suite", "Harbour suite", 240m)]));
        foreach (var (id, type) in new[] { ("101", "double"), ("102", "double"), ("103", "double"), ("104", "double"), ("201", "suite"), ("202", "suite") })
        {
            await organization.AddRoom(Property, new NewRoom(id, $"Room {id}", type));
        }

        logger.LogInformation("Seeded the demo organization '{Organization}' with property '{Property}'", Organization, Property);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
