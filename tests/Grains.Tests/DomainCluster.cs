using Actors.Grains;
using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Organizations;
using Actors.Grains.Abstractions.Properties;
using Actors.Grains.Abstractions.Rooms;
using Actors.Runtime;
using Actors.Runtime.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Actors.Grains.Tests;

/// <summary>A test cluster hosting the booking grains on a fresh PostgreSQL database, one per test class.</summary>
public class DomainCluster : IAsyncLifetime
{
    private TestDatabase? database;
    private TestCluster? cluster;

    public TestDatabase Database => database!;

    public TestCluster Cluster => cluster!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    /// <summary>Long enough that no test confirms a hold late; the expiry tests use their own cluster.</summary>
    protected virtual TimeSpan HoldTimeout => TimeSpan.FromMinutes(10);

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Lets a test class replace services, such as the clock.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        cluster = await TestCluster.StartAsync(
            silo => silo.AddBookingGrains().UsePostgres(database.ConnectionString),
            new Dictionary<string, string?>
            {
                ["Bookings:HoldTimeout"] = HoldTimeout.ToString(),
                ["Bookings:RoomHoldGrace"] = "00:00:01",
                ["Reminders:PollInterval"] = "00:00:00.200",
            },
            ConfigureServices);
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    /// <summary>Opens an organization with one property in UTC (so "today" is the test's UTC date) and the given rooms.</summary>
    public async Task<string> OpenHotelAsync(Plan plan = Plan.Premium, int doubles = 2, int suites = 1, CancellationPolicy? cancellation = null)
    {
        var org = "org-" + Guid.NewGuid().ToString("N")[..12];
        var organization = Grains.GetGrain<IOrganizationGrain>(org);
        await organization.Create(new CreateOrganization("Test Hotels", plan));
        await organization.AddProperty("hotel", new CreateProperty(
            new PropertySettings("Hotel", "UTC", "EUR", new TimeOnly(15, 0), new TimeOnly(11, 0), 1, cancellation ?? new CancellationPolicy(2, LateCancellationFee.FirstNight)),
            [new RoomType("double", "Double", 100m), new RoomType("suite", "Suite", 250m)]));
        for (var i = 1; i <= doubles; i++)
        {
            await organization.AddRoom("hotel", new NewRoom($"d{i}", $"Double {i}", "double"));
        }

        for (var i = 1; i <= suites; i++)
        {
            await organization.AddRoom("hotel", new NewRoom($"s{i}", $"Suite {i}", "suite"));
        }

        return org;
    }

    public IPropertyGrain Property(string org) => Grains.GetGrain<IPropertyGrain>(GrainKeys.Property(org, "hotel"));

    public IRoomGrain Room(string org, string room) => Grains.GetGrain<IRoomGrain>(GrainKeys.Room(org, "hotel", room));

    public IBookingGrain Booking(string org, string id) => Grains.GetGrain<IBookingGrain>(GrainKeys.Booking(org, id));

    public static HoldBooking Stay(string room, int fromDay, int toDay, string guest = "Ann") =>
        new("hotel", room, null, Today.AddDays(fromDay), Today.AddDays(toDay), new Guest(guest, "ann@example.com"));

    /// <summary>Holds a room under a fresh booking id and returns the grain with the view.</summary>
    public async Task<(IBookingGrain Grain, BookingView View)> HoldAsync(string org, HoldBooking command)
    {
        var grain = Booking(org, Guid.NewGuid().ToString("N"));
        return (grain, await grain.Hold(command));
    }
}
