using System.Net;
using System.Text.Json;
using Xunit;

namespace Actors.Api.Tests;

/// <summary>
/// A manager takes a room off sale for some nights with a reason: the block is kept, listed and
/// removed over HTTP, never shares a night with a stay, and no search, quote or booking offers its nights.
/// </summary>
public sealed class RoomBlocksTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_block_is_created_with_an_id_listed_and_removed()
    {
        var org = await api.OpenHotelAsync(doubles: 2, suites: 0);
        var blocks = Blocks(org, "d1");

        using var created = await api.Client.PostAsync(blocks, Block(3, 5, "out_of_order", "Bathroom refit"));
        var block = await created.ReadAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = block.GetProperty("id").GetString()!;
        Assert.Equal($"{blocks}/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal((ApiFixture.Day(3), ApiFixture.Day(5), "out_of_order", "Bathroom refit"), Describe(block));
        Assert.Equal([id], (await api.Client.GetAsync(blocks).OkAsync()).EnumerateArray().Select(b => b.GetProperty("id").GetString()));
        Assert.Equal("Bathroom refit", (await api.Client.GetAsync($"{blocks}/{id}").OkAsync()).GetProperty("reason").GetString());
        Assert.Empty((await api.Client.GetAsync(Blocks(org, "d2")).OkAsync()).EnumerateArray());

        using var removed = await api.Client.DeleteAsync($"{blocks}/{id}");
        using var again = await api.Client.DeleteAsync($"{blocks}/{id}");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Empty((await api.Client.GetAsync(blocks).OkAsync()).EnumerateArray());
        // A new block never takes a removed block's id.
        var next = await api.Client.PostAsync(blocks, Block(3, 5, "out_of_service", "Show room")).OkAsync();
        Assert.NotEqual(id, next.GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_same_block_sent_twice_is_one_block_and_an_overlapping_one_is_a_conflict()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var blocks = Blocks(org, "d1");

        var first = await api.Client.PostAsync(blocks, Block(3, 5, "out_of_order", "Bathroom refit")).OkAsync();
        var repeat = await api.Client.PostAsync(blocks, Block(3, 5, "out_of_order", "Bathroom refit")).OkAsync();
        using var overlapping = await api.Client.PostAsync(blocks, Block(4, 6, "out_of_service", "Painting"));

        Assert.Equal(first.GetProperty("id").GetString(), repeat.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Conflict, overlapping.StatusCode);
        Assert.Equal(ApiFixture.Problems + "conflict", (await overlapping.ReadAsync()).ProblemType());
        Assert.Single((await api.Client.GetAsync(blocks).OkAsync()).EnumerateArray());
    }

    [Fact]
    public async Task A_block_over_a_stay_is_a_conflict_naming_the_booking_and_a_block_from_its_check_out_is_fine()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var booking = (await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d1", 2, 4)).OkAsync()).GetProperty("id").GetString()!;
        var blocks = Blocks(org, "d1");

        using var overHold = await api.Client.PostAsync(blocks, Block(3, 6, "out_of_order", "Leak"));
        var overHoldProblem = await overHold.ReadAsync();
        await api.Client.PostAsync($"/api/orgs/{org}/bookings/{booking}/confirm", null).OkAsync();
        using var overBooked = await api.Client.PostAsync(blocks, Block(1, 3, "out_of_order", "Leak"));

        Assert.Equal(HttpStatusCode.Conflict, overHold.StatusCode);
        Assert.Equal(ApiFixture.Problems + "conflict", overHoldProblem.ProblemType());
        Assert.Contains(booking, overHoldProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, overBooked.StatusCode);
        Assert.Empty((await api.Client.GetAsync(blocks).OkAsync()).EnumerateArray());
        // Nights [from, to) like stays: the guest leaves on day 4, the block starts that night.
        using var after = await api.Client.PostAsync(blocks, Block(4, 6, "out_of_order", "Leak"));
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
    }

    [Fact]
    public async Task A_booking_or_a_date_change_onto_a_blocked_night_is_refused_like_a_taken_room()
    {
        var org = await api.OpenHotelAsync(doubles: 2, suites: 0);
        await api.Client.PostAsync(Blocks(org, "d1"), Block(3, 5, "out_of_service", "Deep clean")).OkAsync();
        var bookings = $"/api/orgs/{org}/bookings";

        using var onBlock = await api.Client.PostAsync(bookings, ApiFixture.Stay("d1", 4, 6));
        var before = (await api.Client.PostAsync(bookings, ApiFixture.Stay("d1", 1, 3)).OkAsync()).GetProperty("id").GetString();
        using var longer = await api.Client.PutAsync($"{bookings}/{before}/dates", new { checkIn = ApiFixture.Day(1), checkOut = ApiFixture.Day(4) });
        // By room type the guest gets the room that is free.
        var byType = await api.Client.PostAsync(bookings, new
        {
            propertyId = "hotel",
            roomType = "double",
            checkIn = ApiFixture.Day(3),
            checkOut = ApiFixture.Day(4),
            guest = new { name = "Ann", email = "guest@example.com" },
        }).OkAsync();

        Assert.Equal(HttpStatusCode.Conflict, onBlock.StatusCode);
        Assert.Equal(ApiFixture.Problems + "room-unavailable", (await onBlock.ReadAsync()).ProblemType());
        Assert.Equal(HttpStatusCode.Conflict, longer.StatusCode);
        Assert.Equal(ApiFixture.Problems + "room-unavailable", (await longer.ReadAsync()).ProblemType());
        Assert.Equal("d2", byType.GetProperty("roomId").GetString());
    }

    [Fact]
    public async Task Moving_a_booking_onto_a_blocked_night_is_refused_and_the_booking_stays_where_it_was()
    {
        var org = await api.OpenHotelAsync(doubles: 2, suites: 0);
        await api.Client.PostAsync(Blocks(org, "d2"), Block(3, 5, "out_of_order", "Bathroom refit")).OkAsync();
        var booking = (await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d1", 4, 6)).OkAsync()).GetProperty("id").GetString();
        var path = $"/api/orgs/{org}/bookings/{booking}";

        using var moved = await api.Client.PostAsync($"{path}/move", new { roomId = "d2" });

        Assert.Equal(HttpStatusCode.Conflict, moved.StatusCode);
        Assert.Equal(ApiFixture.Problems + "room-unavailable", (await moved.ReadAsync()).ProblemType());
        Assert.Equal("d1", (await api.Client.GetAsync(path).OkAsync()).GetProperty("roomId").GetString());
        Assert.Empty((await api.Client.GetAsync($"/api/orgs/{org}/properties/hotel/rooms/d2").OkAsync()).GetProperty("stays").EnumerateArray());
    }

    [Fact]
    public async Task Availability_does_not_offer_a_blocked_room_for_its_nights_and_offers_it_again_once_removed()
    {
        var org = await api.OpenHotelAsync(doubles: 2, suites: 0);
        var block = await api.Client.PostAsync(Blocks(org, "d1"), Block(3, 5, "out_of_order", "Bathroom refit")).OkAsync();

        Assert.Equal(1, await FreeDoublesAsync(org, 4, 6));
        Assert.Equal(1, await FreeDoublesAsync(org, 2, 4));
        Assert.Equal(2, await FreeDoublesAsync(org, 5, 7));
        Assert.Equal(2, await FreeDoublesAsync(org, 1, 3));

        using var removed = await api.Client.DeleteAsync($"{Blocks(org, "d1")}/{block.GetProperty("id").GetString()}");
        Assert.Equal(2, await FreeDoublesAsync(org, 4, 6));
    }

    [Fact]
    public async Task An_out_of_order_block_leaves_the_rooms_to_sell_for_its_nights_and_an_out_of_service_one_does_not()
    {
        var org = await api.OpenHotelAsync(doubles: 2, suites: 1);
        await api.Client.PostAsync(Blocks(org, "d1"), Block(1, 3, "out_of_order", "Bathroom refit")).OkAsync();
        await api.Client.PostAsync(Blocks(org, "d2"), Block(2, 4, "out_of_service", "Show room")).OkAsync();

        var nights = (await api.Client.GetAsync($"/api/orgs/{org}/properties/hotel/figures?from={ApiFixture.Day(0)}&to={ApiFixture.Day(4)}").OkAsync())
            .GetProperty("nights").EnumerateArray().Select(n => n.GetProperty("outOfOrder").GetInt32());

        Assert.Equal([0, 1, 1, 0], nights);
    }

    [Fact]
    public async Task The_board_shows_the_blocks_in_its_nights_with_kind_and_reason()
    {
        var org = await api.OpenHotelAsync(doubles: 2, suites: 0);
        await api.Client.PostAsync(Blocks(org, "d2"), Block(3, 5, "out_of_order", "Bathroom refit")).OkAsync();
        await api.Client.PostAsync(Blocks(org, "d1"), Block(40, 42, "out_of_service", "Later")).OkAsync();

        var board = await api.Client.GetAsync($"/api/orgs/{org}/properties/hotel/board").OkAsync();

        var shown = Assert.Single(board.GetProperty("blocks").EnumerateArray());
        Assert.Equal("d2", shown.GetProperty("roomId").GetString());
        Assert.Equal((ApiFixture.Day(3), ApiFixture.Day(5), "out_of_order", "Bathroom refit"), Describe(shown));
    }

    [Fact]
    public async Task Staff_see_a_rooms_blocks_but_only_a_manager_puts_one_on_or_takes_it_off()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var blocks = Blocks(org, "d1");
        var id = (await api.Client.PostAsync(blocks, Block(3, 5, "out_of_order", "Leak")).OkAsync()).GetProperty("id").GetString();
        using var staff = await JoinAsync(org, "Staff");
        using var manager = await JoinAsync(org, "Manager");

        Assert.Single((await staff.GetAsync(blocks).OkAsync()).EnumerateArray());
        using var staffCreates = await staff.PostAsync(blocks, Block(6, 7, "out_of_order", "Leak"));
        using var staffRemoves = await staff.DeleteAsync($"{blocks}/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, staffCreates.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, staffRemoves.StatusCode);

        using var managerCreates = await manager.PostAsync(blocks, Block(6, 7, "out_of_order", "Leak"));
        using var managerRemoves = await manager.DeleteAsync($"{blocks}/{id}");
        Assert.Equal(HttpStatusCode.Created, managerCreates.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, managerRemoves.StatusCode);
    }

    [Fact]
    public async Task Blocks_of_a_room_that_does_not_exist_are_not_found()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);

        using var list = await api.Client.GetAsync(Blocks(org, "z9"));
        using var one = await api.Client.GetAsync(Blocks(org, "d1") + "/1");
        using var create = await api.Client.PostAsync(Blocks(org, "z9"), Block(3, 5, "out_of_order", "Leak"));

        Assert.All([list, one, create], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(ApiFixture.Problems + "not-found", (await create.ReadAsync()).ProblemType());
    }

    private static string Blocks(string org, string room) => $"/api/orgs/{org}/properties/hotel/rooms/{room}/blocks";

    private static object Block(int from, int to, string kind, string reason) =>
        new { from = ApiFixture.Day(from), to = ApiFixture.Day(to), kind, reason };

    private static (string?, string?, string?, string?) Describe(JsonElement block) =>
        (block.GetProperty("from").GetString(), block.GetProperty("to").GetString(), block.GetProperty("kind").GetString(), block.GetProperty("reason").GetString());

    private async Task<int> FreeDoublesAsync(string org, int from, int to)
    {
        var search = await api.Client.GetAsync($"/api/orgs/{org}/properties/hotel/availability?checkIn={ApiFixture.Day(from)}&checkOut={ApiFixture.Day(to)}").OkAsync();
        return search.GetProperty("roomTypes").EnumerateArray().Single(t => t.GetProperty("roomType").GetString() == "double").GetProperty("freeRooms").GetInt32();
    }

    private async Task<HttpClient> JoinAsync(string org, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        var invitation = await api.Client.PostAsync($"/api/orgs/{org}/invitations", new { email, role }).OkAsync();
        using var anonymous = api.App.NewClient();
        var accepted = await anonymous.PostAsync($"/api/invitations/{invitation.GetProperty("token").GetString()}/accept", new { name = role, password = ApiFixture.Password }).OkAsync();
        return api.ClientFor(accepted.GetProperty("token").GetString()!);
    }
}
