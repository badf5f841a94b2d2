using System.Net;
using System.Text.Json;
using Xunit;

namespace Actors.Api.Tests;

public sealed class BoardSnapshotTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_board_shows_rooms_and_the_bookings_in_its_nights_with_guest_and_status_and_the_sequence_it_includes()
    {
        var org = await api.OpenHotelAsync(doubles: 2, suites: 1);
        var held = await HoldAsync(org, "d1", 1, 3, "Held Guest");
        var confirmed = await HoldAsync(org, "d2", 2, 4, "Confirmed Guest");
        await api.Client.PostAsync($"/api/orgs/{org}/bookings/{confirmed}/confirm", null).OkAsync();
        var cancelled = await HoldAsync(org, "s1", 1, 2, "Cancelled Guest");
        await api.Client.PostAsync($"/api/orgs/{org}/bookings/{cancelled}/cancel", null).OkAsync();
        var later = await HoldAsync(org, "s1", 30, 31, "Later Guest");

        var board = await api.Client.GetAsync($"/api/orgs/{org}/properties/hotel/board").OkAsync();

        Assert.Equal(ApiFixture.Day(0), board.GetProperty("from").GetString());
        Assert.Equal(ApiFixture.Day(14), board.GetProperty("to").GetString());
        Assert.Equal(["d1", "d2", "s1"], board.GetProperty("rooms").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        var bookings = board.GetProperty("bookings").EnumerateArray().ToDictionary(b => b.GetProperty("id").GetString()!);
        Assert.Equal(new[] { confirmed, held }.Order(), bookings.Keys.Order());
        Assert.Equal(("d1", "Held", "Held Guest"), Describe(bookings[held]));
        Assert.Equal(("d2", "Confirmed", "Confirmed Guest"), Describe(bookings[confirmed]));
        Assert.DoesNotContain(later, bookings.Keys);
        var logged = await api.Database.ScalarAsync<long>("SELECT max(sequence) FROM event_log WHERE stream_key = $1", $"{org}/hotel");
        Assert.Equal(logged, board.GetProperty("sequence").GetInt64());

        var further = await api.Client.GetAsync($"/api/orgs/{org}/properties/hotel/board?from={ApiFixture.Day(28)}&to={ApiFixture.Day(35)}").OkAsync();
        Assert.Equal([later], further.GetProperty("bookings").EnumerateArray().Select(b => b.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("from=2030-01-10&to=2030-01-10", "to")]
    [InlineData("from=2030-01-01&to=2030-06-01", "to")]
    public async Task Board_nights_that_make_no_sense_are_refused_naming_the_field(string query, string field)
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);

        using var response = await api.Client.GetAsync($"/api/orgs/{org}/properties/hotel/board?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_member_asking_for_the_board_of_a_property_its_organization_does_not_have_is_told_it_is_not_found()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);

        using var response = await api.Client.GetAsync($"/api/orgs/{org}/properties/nowhere/board");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ApiFixture.Problems + "not-found", (await response.ReadAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Someone_outside_an_organization_is_refused_its_boards_without_learning_which_properties_exist()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        using var signUp = api.App.NewClient();
        // The owner of another organization: signed in, but no member of this one.
        var outsiderToken = await ApiFixture.SignUpAsync(signUp, "other-" + Guid.NewGuid().ToString("N")[..12], $"outsider-{Guid.NewGuid():N}@example.com");
        using var outsider = api.ClientFor(outsiderToken);

        // The same answer for a property that exists and one that does not: the refusal comes first.
        using var existing = await outsider.GetAsync($"/api/orgs/{org}/properties/hotel/board");
        using var missing = await outsider.GetAsync($"/api/orgs/{org}/properties/nowhere/board");
        using var noOrganization = await outsider.GetAsync("/api/orgs/nobody/properties/nowhere/board");

        Assert.All([existing, missing, noOrganization], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(ApiFixture.Problems + "forbidden", (await missing.ReadAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task After_an_early_check_out_the_board_shows_the_real_departure_and_the_freed_nights_can_be_sold()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var early = await HoldAsync(org, "d1", 0, 3, "Early Leaver");
        var path = $"/api/orgs/{org}/bookings/{early}";
        await api.Client.PostAsync($"{path}/confirm", null).OkAsync();
        await api.Client.PostAsync($"{path}/check-in", null).OkAsync();

        // Leaving on the arrival day: the room keeps the first night, the two after it are free again.
        await api.Client.PostAsync($"{path}/check-out", null).OkAsync();
        var board = await api.Client.GetAsync($"/api/orgs/{org}/properties/hotel/board").OkAsync();

        var departed = board.GetProperty("bookings").EnumerateArray().Single(b => b.GetProperty("id").GetString() == early);
        Assert.Equal("CheckedOut", departed.GetProperty("status").GetString());
        Assert.Equal(ApiFixture.Day(0), departed.GetProperty("checkIn").GetString());
        Assert.Equal(ApiFixture.Day(1), departed.GetProperty("checkOut").GetString());
        var next = await HoldAsync(org, "d1", 1, 3, "Next Guest");
        Assert.False(string.IsNullOrEmpty(next));
    }

    private static (string?, string?, string?) Describe(JsonElement booking) =>
        (booking.GetProperty("roomId").GetString(), booking.GetProperty("status").GetString(), booking.GetProperty("guestName").GetString());

    private async Task<string> HoldAsync(string org, string room, int from, int to, string guest) =>
        (await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay(room, from, to, guest)).OkAsync()).GetProperty("id").GetString()!;
}
