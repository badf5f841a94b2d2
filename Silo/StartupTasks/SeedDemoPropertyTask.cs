using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Organizations;
using Actors.Grains.Abstractions.Properties;
using Actors.Grains.Abstractions.Rooms;
using Orleans;
using Actors.Persistence.State;
using Actors.Silo.Product;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Silo.StartupTasks;

/// <summary>
/// Gives a newcomer something to look at: on in-memory storage (the embedded default) it opens the
/// organization "demo" with the property "harbour-view" and a few rooms. On PostgreSQL it runs only
/// when "Demo:Seed" is true, and leaves an existing demo organization alone.
/// </summary>
internal sealed class SeedDemoPropertyTask(
    IGrainFactory grains,
    IOutboxStore storage,
    IConfiguration configuration,
    IOptions<ProductOptions> product,
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

        var kinds = product.Value.UnitKinds.Where(Slug.IsValid).Distinct().DefaultIfEmpty("double").ToList();
        await organization.Create(new CreateOrganization($"{product.Value.Name} demo", Plan.Premium));
        await organization.AddProperty(Property, new CreateProperty(
            new PropertySettings(
                "Harbour View",
                "Europe/Lisbon",
                "EUR",
                new TimeOnly(15, 0),
                new TimeOnly(11, 0),
                MinimumStay: 1,
                new CancellationPolicy(2, LateCancellationFee.FirstNight)),
            [.. kinds.Select((kind, i) => new RoomType(kind, Name(kind), 120m * (i + 1)))]));
        // Four units of the first kind, two of each other: enough to see a board move.
        var units = kinds.SelectMany((kind, i) => Enumerable.Range(1, i == 0 ? 4 : 2).Select(n => (Id: $"{i + 1}{n:00}", Kind: kind)));
        foreach (var unit in units)
        {
            await organization.AddRoom(Property, new NewRoom(unit.Id, $"{Name(unit.Kind)} {unit.Id}", unit.Kind));
        }

        logger.LogInformation("Seeded {Product}'s demo organization '{Organization}' with property '{Property}'", product.Value.Name, Organization, Property);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string Name(string kind) => char.ToUpperInvariant(kind[0]) + kind[1..].Replace('-', ' ');
}
