using Actors.Grains;
using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Organizations;
using Actors.Grains.Abstractions.Properties;
using Actors.Grains.Abstractions.Rooms;
using Actors.Persistence.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.TestingHost;
using Xunit;

namespace Actors.Grains.Tests;

/// <summary>
/// An Orleans test cluster (InProcessTestCluster) hosting the booking grains on a fresh PostgreSQL
/// database, one per test class; or on the in-memory stores when <see cref="UsesDatabase"/> is false.
/// </summary>
public class DomainCluster : IAsyncLifetime
{
    private TestDatabase? database;
    private InProcessTestCluster? cluster;

    // Orleans keys reminders and its grain storage by service id: a restarted cluster keeps it.
    private readonly string serviceId = "grains-tests-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The test database; a cluster on the in-memory stores has none.</summary>
    public TestDatabase Database => database ?? throw new InvalidOperationException("This cluster keeps everything in memory: it has no database.");

    public InProcessTestCluster Cluster => cluster!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>Long enough that no test confirms a hold late; the expiry tests use their own cluster.</summary>
    protected virtual TimeSpan HoldTimeout => TimeSpan.FromMinutes(10);

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>False for the embedded default: no database, state and stays in the silo's memory.</summary>
    protected virtual bool UsesDatabase => true;

    /// <summary>Lets a test class replace services, such as the clock.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        if (UsesDatabase)
        {
            database = await TestDatabase.CreateAsync();
        }

        cluster = await StartClusterAsync();
    }

    /// <summary>Stops the cluster and starts a new one on the same database, as a silo restart would.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    /// <summary>Stops the cluster; the database stays, and nothing runs on it until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        var stopping = cluster;
        cluster = null;
        if (stopping is not null)
        {
            await stopping.DisposeAsync();
        }
    }

    /// <summary>Starts a new cluster of the same service on the same database.</summary>
    public async Task StartAsync()
    {
        if (cluster is not null)
        {
            throw new InvalidOperationException("The cluster is running; stop it first.");
        }

        cluster = await StartClusterAsync();
    }

    /// <summary>Another cluster of the same service on the same database: its activations are not this cluster's.</summary>
    public Task<InProcessTestCluster> StartSecondClusterAsync() =>
        UsesDatabase ? StartClusterAsync() : throw new InvalidOperationException("Clusters on the in-memory stores share nothing.");

    private Task<InProcessTestCluster> StartClusterAsync() =>
        BookingTestCluster.StartAsync(
            database?.ConnectionString,
            serviceId,
            new Dictionary<string, string?>
            {
                ["Bookings:HoldTimeout"] = HoldTimeout.ToString(),
                ["Bookings:RoomHoldGrace"] = "00:00:01",
            },
            ConfigureServices);

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

    /// <summary>
    /// A booking's status and how many stays rows it has, as "Held 1", read from storage rather than
    /// from the grain: asking the grain would expire a lapsed hold itself.
    /// </summary>
    public Task<string> BookingInDatabaseAsync(string org, string bookingId) =>
        Database.ScalarAsync<string>(
            """
            SELECT coalesce((SELECT payload->>'status' FROM grain_state WHERE grain_type = 'booking' AND state_name = 'booking' AND grain_key = $1), 'none')
                || ' ' || (SELECT count(*) FROM stays WHERE booking_id = $2)
            """,
            GrainKeys.Booking(org, bookingId),
            bookingId);

    /// <summary>Holds a room under a fresh booking id and returns the grain with the view.</summary>
    public async Task<(IBookingGrain Grain, BookingView View)> HoldAsync(string org, HoldBooking command)
    {
        var grain = Booking(org, Guid.NewGuid().ToString("N"));
        return (grain, await grain.Hold(command));
    }
}
