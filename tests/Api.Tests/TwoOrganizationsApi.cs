namespace Actors.Api.Tests;

/// <summary>Two organizations: "acme" (where requests go) and "rival" (whose ids acme must not reach).</summary>
public sealed class TwoOrganizationsApi : ApiFixture
{
    public string AcmeBooking { get; private set; } = "";

    public string RivalBooking { get; private set; } = "";

    protected override async Task SeedAsync()
    {
        await OpenHotelAsync(org: "acme", doubles: 2, suites: 1);
        await Client.PostAsync("/api/orgs", new { id = "rival", name = "Rival", plan = "Premium" }).OkAsync();
        await Client.PostAsync("/api/orgs/rival/properties", new
        {
            id = "rival-inn",
            settings = new { name = "Rival Inn", timeZone = "UTC", currency = "EUR", checkInTime = "15:00", checkOutTime = "11:00" },
            roomTypes = new[] { new { id = "double", name = "Double", nightlyRate = 80m } },
        }).OkAsync();
        await Client.PostAsync("/api/orgs/rival/properties/rival-inn/rooms", new { id = "r1", name = "R1", roomType = "double" }).OkAsync();
        RivalBooking = (await Client.PostAsync("/api/orgs/rival/bookings", new
        {
            propertyId = "rival-inn",
            roomId = "r1",
            checkIn = Day(3),
            checkOut = Day(5),
            guest = new { name = "Rex", email = "rex@example.com" },
        }).OkAsync()).GetProperty("id").GetString()!;
        AcmeBooking = (await Client.PostAsync("/api/orgs/acme/bookings", Stay("d1", 3, 5)).OkAsync()).GetProperty("id").GetString()!;
    }
}
