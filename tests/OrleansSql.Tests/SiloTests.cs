using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;

namespace Actors.OrleansSql.Tests;

/// <summary>
/// A real silo on our schema: it joins through AdoNet clustering, its grain state and reminders
/// land in our tables, and it leaves the membership table marked dead when it stops.
/// </summary>
public sealed class SiloTests(OrleansDatabase db) : IClassFixture<OrleansDatabase>
{
    [Fact]
    public async Task A_silo_joins_persists_grain_state_and_reminders_and_is_marked_dead_when_it_stops()
    {
        var cluster = $"cluster-{Guid.NewGuid():N}";
        var service = $"service-{Guid.NewGuid():N}";
        using var host = SiloHost.Build(db.ConnectionString, cluster, service);
        await host.StartAsync();

        var book = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IGuestBookGrain>("lobby");
        await book.SignAsync("Ada");
        await book.SignAsync("Grace");
        await book.RemindNightlyAsync();

        Assert.Equal(3, await db.Database.ScalarAsync<int>(
            "SELECT status FROM orleans_membership WHERE deployment_id = $1", cluster));
        Assert.True(await db.Database.ScalarAsync<int>(
            "SELECT proxy_port FROM orleans_membership WHERE deployment_id = $1", cluster) > 0);
        Assert.Equal("Grace", await db.Database.ScalarAsync<string>(
            "SELECT payload->>'Guest' FROM orleans_grain_state WHERE service_id = $1 AND state_name = 'book'", service));
        Assert.Equal(2, await db.Database.ScalarAsync<int>(
            "SELECT version FROM orleans_grain_state WHERE service_id = $1 AND state_name = 'book'", service));
        Assert.Equal(TimeSpan.FromDays(1).TotalMilliseconds, await db.Database.ScalarAsync<long>(
            "SELECT period FROM orleans_reminders WHERE service_id = $1 AND reminder_name = 'nightly'", service));

        await host.StopAsync();

        Assert.Equal(6, await db.Database.ScalarAsync<int>(
            "SELECT status FROM orleans_membership WHERE deployment_id = $1", cluster));
    }
}
