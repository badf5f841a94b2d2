using Actors.Persistence.Testing;

namespace Actors.Api.Tests;

/// <summary>
/// Two organizations with different owners and different ids: "alpha" (the fixture's owner, whose
/// token every probe carries) and "bravo" (property "bravo-inn", room "b1", a booking, a staff
/// member and an open invitation), whose rows must never change. Subdomains of "bookings.test"
/// name organizations.
/// </summary>
public sealed class IsolationApi : ApiFixture
{
    public const string Alpha = "alpha";
    public const string Bravo = "bravo";
    public const string BravoProperty = "bravo-inn";
    public const string BravoRoom = "b1";
    public const string BaseHost = "bookings.test";

    public string BravoOwner { get; } = $"bravo-owner-{Guid.NewGuid():N}@example.com";

    public string BravoStaff { get; } = $"bravo-staff-{Guid.NewGuid():N}@example.com";

    public string BravoBooking { get; private set; } = "";

    public string BravoInvitation { get; private set; } = "";

    public string BravoToken { get; private set; } = "";

    /// <summary>The private link token the guest of <see cref="BravoBooking"/> was given: "bravo.{booking}.{secret}".</summary>
    public string BravoGuestToken { get; private set; } = "";

    /// <summary>A visit to bravo's booking page, counted with consent.</summary>
    public string BravoVisit { get; private set; } = "";

    /// <summary>The platform's Stripe webhook secret, so a forged delivery is checked against a real one.</summary>
    public const string WebhookSecret = "whsec_isolation_platform_secret";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Tenancy:BaseHost"] = BaseHost,
        ["Payments:Stripe:WebhookSecret"] = WebhookSecret,
    };

    protected override async Task SeedAsync()
    {
        await OpenHotelAsync(org: Alpha, doubles: 1, suites: 1);
        using var bravo = App.NewClient();
        BravoToken = await SignUpAsync(bravo, Bravo, BravoOwner);
        SignIn(bravo, BravoToken);
        await bravo.PostAsync($"/api/orgs/{Bravo}/properties", new
        {
            id = BravoProperty,
            settings = new { name = "Bravo Inn", timeZone = "UTC", currency = "EUR", checkInTime = "15:00", checkOutTime = "11:00" },
            roomTypes = new[] { new { id = "double", name = "Double", nightlyRate = 80m } },
        }).OkAsync();
        await bravo.PostAsync($"/api/orgs/{Bravo}/properties/{BravoProperty}/rooms", new { id = BravoRoom, name = "B1", roomType = "double" }).OkAsync();
        var held = await bravo.PostAsync($"/api/orgs/{Bravo}/bookings", new
        {
            propertyId = BravoProperty,
            roomId = BravoRoom,
            checkIn = Day(3),
            checkOut = Day(5),
            guest = new { name = "Rex", email = "rex@example.com" },
        }).OkAsync();
        BravoBooking = held.GetProperty("id").GetString()!;
        BravoGuestToken = held.GetProperty("guestToken").GetString()!;
        BravoVisit = (await bravo.PostAsync($"/api/orgs/{Bravo}/properties/{BravoProperty}/visits", new { landingPage = "/book/bravo/bravo-inn" }).OkAsync())
            .GetProperty("visitId").GetString()!;
        await bravo.PostAsync($"/api/orgs/{Bravo}/properties/{BravoProperty}/ab-tests", new
        {
            name = "Headline",
            variants = new[] { new { key = "a", weight = 1 }, new { key = "b", weight = 1 } },
        }).OkAsync();
        var invitation = await bravo.PostAsync($"/api/orgs/{Bravo}/invitations", new { email = BravoStaff, role = "Staff" }).OkAsync();
        using (var staff = App.NewClient())
        {
            await staff.PostAsync($"/api/invitations/{invitation.GetProperty("token").GetString()}/accept", new { name = "Staff", password = Password }).OkAsync();
        }

        BravoInvitation = (await bravo.PostAsync($"/api/orgs/{Bravo}/invitations", new { email = "later@example.com", role = "Manager" }).OkAsync())
            .GetProperty("token").GetString()!;
    }

    /// <summary>Every row that belongs to bravo: its grains' state versions, its events (audit included) and its stays.</summary>
    // Stream consumers' state (bravo's figures) is left out: it follows bravo's own events, which are counted.
    public Task<string> BravoFingerprintAsync() => Database.ScalarAsync<string>(
        $"""
        SELECT coalesce((SELECT string_agg(grain_type || ':' || grain_key || ':' || version, ',' ORDER BY grain_type, grain_key)
                         FROM grain_state WHERE (grain_key = $1 OR grain_key LIKE $1 || '/%') AND grain_type NOT IN ({DatabaseFingerprint.StreamConsumers})), '')
            || ' events ' || (SELECT count(*) FROM event_log WHERE stream_key = $1 OR stream_key LIKE $1 || '/%')
            || ' stays ' || (SELECT count(*) FROM stays WHERE room_key LIKE $1 || '/%')
        """,
        Bravo);
}
