using System.Text.Json;
using Actors.Testing;
using Xunit;

namespace Actors.Api.Tests;

/// <summary>A fresh database and the real app on it, one per test class.</summary>
public class ApiFixture : IAsyncLifetime
{
    public const string Problems = "https://bookings.example/problems/";

    private TestDatabase? database;
    private BookingApp? app;

    public TestDatabase Database => database!;

    public BookingApp App => app!;

    public HttpClient Client => App.Client;

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static string Day(int fromToday) => Today.AddDays(fromToday).ToString("yyyy-MM-dd");

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        app = await BookingApp.StartAsync(database.ConnectionString, Settings);
        await SeedAsync();
    }

    /// <summary>What the test class needs in place before its first test.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    /// <summary>Stops the app and starts a new one on the same database, as a process restart would.</summary>
    public async Task RestartAsync()
    {
        await App.DisposeAsync();
        app = await BookingApp.StartAsync(Database.ConnectionString, Settings);
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    /// <summary>Opens an organization with property "hotel" (UTC, EUR) with room types "double" (100) and "suite" (250) and the given rooms.</summary>
    public async Task<string> OpenHotelAsync(string plan = "Premium", int doubles = 2, int suites = 1, string? org = null)
    {
        org ??= "org-" + Guid.NewGuid().ToString("N")[..12];
        await Client.PostAsync("/api/orgs", new { id = org, name = "Test Hotels", plan }).OkAsync();
        await Client.PostAsync($"/api/orgs/{org}/properties", new
        {
            id = "hotel",
            settings = new
            {
                name = "Hotel",
                timeZone = "UTC",
                currency = "EUR",
                checkInTime = "15:00",
                checkOutTime = "11:00",
                minimumStay = 1,
                cancellation = new { freeUntilDaysBeforeArrival = 2, lateFee = "FirstNight" },
            },
            roomTypes = new[] { new { id = "double", name = "Double", nightlyRate = 100m }, new { id = "suite", name = "Suite", nightlyRate = 250m } },
        }).OkAsync();
        for (var i = 1; i <= doubles; i++)
        {
            await Client.PostAsync($"/api/orgs/{org}/properties/hotel/rooms", new { id = $"d{i}", name = $"Double {i}", roomType = "double" }).OkAsync();
        }

        for (var i = 1; i <= suites; i++)
        {
            await Client.PostAsync($"/api/orgs/{org}/properties/hotel/rooms", new { id = $"s{i}", name = $"Suite {i}", roomType = "suite" }).OkAsync();
        }

        return org;
    }

    public static object Stay(string room, int from, int to, string guest = "Ann") => new
    {
        propertyId = "hotel",
        roomId = room,
        checkIn = Day(from),
        checkOut = Day(to),
        guest = new { name = guest, email = "guest@example.com" },
    };

    public static string Status(JsonElement booking) => booking.GetProperty("status").GetString()!;
}
