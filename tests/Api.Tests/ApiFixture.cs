using System.Net.Http.Headers;
using System.Text.Json;
using Actors.Persistence.Testing;
using Microsoft.AspNetCore.Builder;
using Xunit;

namespace Actors.Api.Tests;

/// <summary>A fresh database and the real app on it, one per test class.</summary>
public class ApiFixture : IAsyncLifetime
{
    public const string Problems = "https://bookings.example/problems/";

    /// <summary>The password of every account the tests open.</summary>
    public const string Password = "correct horse battery";

    private TestDatabase? database;
    private BookingApp? app;

    public TestDatabase Database => database!;

    public BookingApp App => app!;

    /// <summary>Signed in as <see cref="OwnerEmail"/>, who owns every organization opened with <see cref="OpenHotelAsync"/>.</summary>
    public HttpClient Client => App.Client;

    public string OwnerEmail { get; } = $"owner-{Guid.NewGuid():N}@example.com";

    public string OwnerToken { get; private set; } = "";

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static string Day(int fromToday) => Today.AddDays(fromToday).ToString("yyyy-MM-dd");

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Anything else the test class adds to the host before the platform is wired (a log capture, say).</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        app = await BookingApp.StartAsync(database.ConnectionString, Settings, Configure);
        OwnerToken = await SignUpAsync(Client, "home-" + Guid.NewGuid().ToString("N")[..12], OwnerEmail);
        SignIn(Client, OwnerToken);
        await SeedAsync();
    }

    /// <summary>What the test class needs in place before its first test.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    /// <summary>Stops the app and starts a new one on the same database, as a process restart would.</summary>
    public async Task RestartAsync()
    {
        await App.DisposeAsync();
        app = await BookingApp.StartAsync(Database.ConnectionString, Settings, Configure);
        SignIn(Client, OwnerToken);
    }

    /// <summary>Opens an organization with its owner through POST /api/signup and returns the owner's token.</summary>
    public static async Task<string> SignUpAsync(HttpClient client, string org, string email, string plan = "Premium")
    {
        var signedIn = await client.PostAsync("/api/signup", new { organizationId = org, organizationName = "Org " + org, plan, email, name = "Owner", password = Password }).OkAsync();
        return signedIn.GetProperty("token").GetString()!;
    }

    /// <summary>Signs in with email and password and returns the token.</summary>
    public async Task<string> SignInAsync(string email, string password = Password)
    {
        using var client = App.NewClient();
        var signedIn = await client.PostAsync("/api/sign-in", new { email, password }).OkAsync();
        return signedIn.GetProperty("token").GetString()!;
    }

    /// <summary>A new client sending <paramref name="token"/> as its bearer token.</summary>
    public HttpClient ClientFor(string token)
    {
        var client = App.NewClient();
        SignIn(client, token);
        return client;
    }

    public static void SignIn(HttpClient client, string token) =>
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

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
            settings = PropertySettings("Hotel"),
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

    /// <summary>A property's settings as the API takes them: UTC, EUR, 15:00/11:00, free cancellation until two days before arrival.</summary>
    public static object PropertySettings(string name) => new
    {
        name,
        timeZone = "UTC",
        currency = "EUR",
        checkInTime = "15:00",
        checkOutTime = "11:00",
        minimumStay = 1,
        cancellation = new { freeUntilDaysBeforeArrival = 2, lateFee = "FirstNight" },
    };

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
