using System.Net;
using System.Text.Json;
using Xunit;

namespace Actors.Api.Tests.Onboarding;

/// <summary>A week of sample bookings fills the board to try it, and one call takes them all away again, freeing their nights.</summary>
public sealed class SampleBookingsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Sample_bookings_fill_the_coming_week_and_removing_them_frees_every_night()
    {
        var org = await api.OpenHotelAsync(doubles: 3, suites: 1);
        var hotel = $"/api/orgs/{org}/properties/hotel";

        var added = await api.Client.PostAsync($"{hotel}/sample-bookings", null).OkAsync();
        var count = await api.Client.GetAsync($"{hotel}/sample-bookings").OkAsync();
        var busy = await api.Client.GetAsync($"{hotel}/availability?checkIn={ApiFixture.Day(0)}&checkOut={ApiFixture.Day(1)}").OkAsync();
        var stays = await SampleStaysAsync(hotel);
        var removed = await api.Client.DeleteAsync($"{hotel}/sample-bookings").OkAsync();
        var free = await api.Client.GetAsync($"{hotel}/availability?checkIn={ApiFixture.Day(0)}&checkOut={ApiFixture.Day(7)}").OkAsync();

        Assert.True(added.GetProperty("added").GetInt32() >= 4, added.ToString());
        Assert.Equal(0, added.GetProperty("skipped").GetInt32());
        Assert.Equal(added.GetProperty("added").GetInt32(), count.GetProperty("count").GetInt32());
        Assert.Equal(added.GetProperty("added").GetInt32(), stays.Count);
        Assert.All(stays, s => Assert.True(DateOnly.Parse(s.GetProperty("checkOut").GetString()!) <= ApiFixture.Today.AddDays(7)));
        Assert.True(FreeRooms(busy) < 4, busy.ToString());
        Assert.Equal(added.GetProperty("added").GetInt32(), removed.GetProperty("removed").GetInt32());
        Assert.Equal(4, FreeRooms(free));
        Assert.Empty(await SampleStaysAsync(hotel));
        Assert.Equal(0, (await api.Client.GetAsync($"{hotel}/sample-bookings").OkAsync()).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Removed_sample_bookings_are_cancelled_and_real_bookings_are_left_alone()
    {
        var org = await api.OpenHotelAsync(doubles: 2, suites: 0);
        var hotel = $"/api/orgs/{org}/properties/hotel";
        var real = await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d1", 1, 2, "Real Guest")).OkAsync();
        var realId = real.GetProperty("id").GetString()!;

        var added = await api.Client.PostAsync($"{hotel}/sample-bookings", null).OkAsync();
        var sampleId = (await SampleStaysAsync(hotel))[0].GetProperty("bookingId").GetString()!;
        await api.Client.DeleteAsync($"{hotel}/sample-bookings").OkAsync();
        var sample = await api.Client.GetAsync($"/api/orgs/{org}/bookings/{sampleId}").OkAsync();
        var kept = await api.Client.GetAsync($"/api/orgs/{org}/bookings/{realId}").OkAsync();

        // The real booking's night was taken, so the sample stay that wanted it was skipped, not doubled.
        Assert.True(added.GetProperty("skipped").GetInt32() >= 1, added.ToString());
        Assert.StartsWith("sample-", sampleId, StringComparison.Ordinal);
        Assert.Equal("Cancelled", ApiFixture.Status(sample));
        Assert.EndsWith("(sample)", sample.GetProperty("guest").GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal("Held", ApiFixture.Status(kept));
    }

    [Fact]
    public async Task Adding_samples_again_fills_only_what_is_still_free()
    {
        var org = await api.OpenHotelAsync(doubles: 2, suites: 0);
        var hotel = $"/api/orgs/{org}/properties/hotel";

        var first = await api.Client.PostAsync($"{hotel}/sample-bookings", null).OkAsync();
        var second = await api.Client.PostAsync($"{hotel}/sample-bookings", null).OkAsync();

        Assert.Equal(0, second.GetProperty("added").GetInt32());
        Assert.Equal(first.GetProperty("added").GetInt32(), second.GetProperty("skipped").GetInt32());
        Assert.Equal(first.GetProperty("added").GetInt32(), (await SampleStaysAsync(hotel)).Count);
    }

    [Fact]
    public async Task Staff_may_not_add_or_remove_samples_and_an_unknown_property_is_not_found()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var invitation = await api.Client.PostAsync($"/api/orgs/{org}/invitations", new { email = $"staff-{Guid.NewGuid():N}@example.com", role = "Staff" }).OkAsync();
        using var anonymous = api.App.NewClient();
        var accepted = await anonymous.PostAsync($"/api/invitations/{invitation.GetProperty("token").GetString()}/accept", new { name = "Staff", password = ApiFixture.Password }).OkAsync();
        using var staff = api.ClientFor(accepted.GetProperty("token").GetString()!);

        using var staffAdds = await staff.PostAsync($"/api/orgs/{org}/properties/hotel/sample-bookings", null);
        using var staffRemoves = await staff.DeleteAsync($"/api/orgs/{org}/properties/hotel/sample-bookings");
        using var unknown = await api.Client.PostAsync($"/api/orgs/{org}/properties/no-such-hotel/sample-bookings", null);
        using var unknownRemoved = await api.Client.DeleteAsync($"/api/orgs/{org}/properties/no-such-hotel/sample-bookings");
        using var anonymousAdds = await anonymous.PostAsync($"/api/orgs/{org}/properties/hotel/sample-bookings", null);

        Assert.Equal(HttpStatusCode.Forbidden, staffAdds.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, staffRemoves.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(ApiFixture.Problems + "not-found", (await unknown.ReadAsync()).ProblemType());
        Assert.Equal(HttpStatusCode.NotFound, unknownRemoved.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousAdds.StatusCode);
        Assert.Empty(await SampleStaysAsync($"/api/orgs/{org}/properties/hotel"));
    }

    private async Task<List<JsonElement>> SampleStaysAsync(string hotel)
    {
        var rooms = await api.Client.GetAsync($"{hotel}/rooms").OkAsync();
        return [.. rooms.EnumerateArray()
            .SelectMany(r => r.GetProperty("stays").EnumerateArray())
            .Where(s => s.GetProperty("bookingId").GetString()!.StartsWith("sample-", StringComparison.Ordinal) && s.GetProperty("kind").GetString() != "Departed")];
    }

    private static int FreeRooms(JsonElement availability) =>
        availability.GetProperty("roomTypes").EnumerateArray().Sum(t => t.GetProperty("freeRooms").GetInt32());
}
