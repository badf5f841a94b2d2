using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Api.Boards;
using Xunit;

namespace Actors.Api.Tests.Exports;

/// <summary>
/// An owner exports an organization and loads the document into a new, empty one: the board shows
/// the same rooms, stays and blocks, on a snapshot and on a live board, and the next export says the same.
/// </summary>
public sealed class ExportImportTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task An_export_imported_into_an_empty_organization_shows_the_same_board()
    {
        var source = await api.OpenHotelAsync(doubles: 4, suites: 1);
        var client = api.Client;
        await client.PutAsync($"/api/orgs/{source}/properties/hotel/room-types/double/rates", new { from = ApiFixture.Day(5), to = ApiFixture.Day(8), nightlyRate = 140m }).OkAsync();
        var inHouse = await BookAsync(source, "d1", 0, 2, "Ines", "confirm", "check-in");
        var departed = await BookAsync(source, "d2", 0, 1, "Dora", "confirm", "check-in", "check-out");
        var held = await BookAsync(source, "d3", 2, 4, "Hugo");
        var cancelled = await BookAsync(source, "s1", 1, 3, "Carl", "confirm", "cancel");
        var noShow = await BookAsync(source, "s1", 0, 2, "Nora", "confirm", "no-show");
        var confirmed = await BookAsync(source, "s1", 4, 7, "Cleo", "confirm");
        await client.PutAsync($"/api/orgs/{source}/properties/hotel/rooms/s1/housekeeping", new { status = "Inspected" }).OkAsync();
        await client.PutAsync($"/api/orgs/{source}/properties/hotel/rooms/d4/housekeeping", new { status = "OutOfOrder" }).OkAsync();
        await client.PostAsync(Blocks(source, "d4"), Block(3, 6, "out_of_order", "Bathroom refit")).OkAsync();
        // A removed block leaves its number behind: the room's next block is numbered after it.
        var removed = await client.PostAsync(Blocks(source, "d2"), Block(5, 6, "out_of_service", "Painting")).OkAsync();
        using var unblocked = await client.DeleteAsync($"{Blocks(source, "d2")}/{removed.GetProperty("id").GetString()}");
        Assert.True(unblocked.IsSuccessStatusCode);

        await client.PostAsync(Blocks(source, "d2"), Block(6, 9, "out_of_service", "Show room")).OkAsync();
        await client.PostAsync($"/api/orgs/{source}/properties/hotel/rooms", new { id = "old", name = "Old wing", roomType = "double" }).OkAsync();
        await client.PostAsync(Blocks(source, "old"), Block(2, 4, "out_of_order", "Asbestos")).OkAsync();
        await client.PostAsync($"/api/orgs/{source}/properties/hotel/rooms/old/retire", null).OkAsync();

        var document = await client.GetAsync($"/api/orgs/{source}/export").OkAsync();
        var target = await NewOrganizationAsync();
        var summary = await client.PostAsync($"/api/orgs/{target}/import", document).OkAsync();

        Assert.Equal("booking-platform/organization", document.GetProperty("format").GetString());
        Assert.Equal(1, document.GetProperty("version").GetInt32());
        var bookings = document.GetProperty("properties")[0].GetProperty("bookings").EnumerateArray().ToDictionary(b => b.GetProperty("id").GetString()!, b => b.GetProperty("status").GetString());
        Assert.Equal("CheckedIn", bookings[inHouse]);
        Assert.Equal("CheckedOut", bookings[departed]);
        Assert.Equal("Held", bookings[held]);
        Assert.Equal("Cancelled", bookings[cancelled]);
        Assert.Equal("NoShow", bookings[noShow]);
        Assert.Equal("Confirmed", bookings[confirmed]);
        Assert.Equal(6, summary.GetProperty("bookings").GetInt32());
        Assert.Equal(6, summary.GetProperty("rooms").GetInt32());
        var blocks = document.GetProperty("properties")[0].GetProperty("rooms").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("blocks").EnumerateArray().Select(Describe).ToArray());
        Assert.Equal([("1", ApiFixture.Day(3), ApiFixture.Day(6), "out_of_order", "Bathroom refit")], blocks["d4"]);
        Assert.Equal([("2", ApiFixture.Day(6), ApiFixture.Day(9), "out_of_service", "Show room")], blocks["d2"]);
        Assert.Equal([("1", ApiFixture.Day(2), ApiFixture.Day(4), "out_of_order", "Asbestos")], blocks["old"]);
        Assert.Empty(blocks["d1"]);

        // The snapshot: same rooms (retired ones off the board), statuses, stays, guests and prices; only the sequence is the new organization's.
        Assert.Equal(await BoardAsync(source), await BoardAsync(target));

        // The live board: every change the import made is on the target's board stream, and it adds up to the same board.
        Assert.Equal(await LiveBoardAsync(source), await LiveBoardAsync(target));

        // And what the new organization exports is what the old one did: rates, retired room, every booking in every state.
        Assert.Equal(Properties(document), Properties(await client.GetAsync($"/api/orgs/{target}/export").OkAsync()));

        // The room counts its blocks on from the ones it was given.
        var next = await client.PostAsync(Blocks(target, "d2"), Block(10, 11, "out_of_order", "Boiler")).OkAsync();
        Assert.Equal("3", next.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Imported_blocks_past_and_to_come_keep_their_rooms_off_sale_in_the_availability_figures_and_board()
    {
        var source = await api.OpenHotelAsync(doubles: 2, suites: 0);
        var document = JsonNode.Parse((await api.Client.GetAsync($"/api/orgs/{source}/export").OkAsync()).GetRawText())!;
        var d1 = document["properties"]![0]!["rooms"]!.AsArray().Single(r => (string?)r!["id"] == "d1")!;
        d1["blocks"] = new JsonArray(ImportRefusalTests.ExportedBlock("4", -10, -8, "Flooded"), ImportRefusalTests.ExportedBlock("5", 2, 5));
        document["properties"]![0]!["bookings"]!.AsArray().Add(ExportedBookings.Booking("before", "d1", -8, -6, "CheckedOut", departedOn: -6));
        var target = await NewOrganizationAsync();

        await api.Client.PostAsync($"/api/orgs/{target}/import", document).OkAsync();

        var room = await api.Client.GetAsync(Blocks(target, "d1")).OkAsync();
        Assert.Equal(
            [("4", ApiFixture.Day(-10), ApiFixture.Day(-8), "out_of_order", "Flooded"), ("5", ApiFixture.Day(2), ApiFixture.Day(5), "out_of_order", "Bathroom refit")],
            room.EnumerateArray().Select(Describe));
        Assert.Equal(1, await FreeDoublesAsync(target, 3, 4));
        Assert.Equal(1, await FreeDoublesAsync(target, 1, 3));
        Assert.Equal(2, await FreeDoublesAsync(target, 5, 7));
        using var onBlock = await api.Client.PostAsync($"/api/orgs/{target}/bookings", ApiFixture.Stay("d1", 4, 6, "Bea"));
        Assert.Equal(ApiFixture.Problems + "room-unavailable", (await onBlock.ReadAsync()).ProblemType());
        // The RoomBlocked events reached the figures and the board as a manager's blocks do.
        var nights = (await api.Client.GetAsync($"/api/orgs/{target}/properties/hotel/figures?from={ApiFixture.Day(1)}&to={ApiFixture.Day(6)}").OkAsync())
            .GetProperty("nights").EnumerateArray().Select(n => n.GetProperty("outOfOrder").GetInt32());
        Assert.Equal([0, 1, 1, 1, 0], nights);
        var board = await api.Client.GetAsync($"/api/orgs/{target}/properties/hotel/board?from={ApiFixture.Day(0)}&to={ApiFixture.Day(7)}").OkAsync();
        Assert.Equal("5", Assert.Single(board.GetProperty("blocks").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_document_written_before_blocks_were_exported_still_imports()
    {
        var source = await api.OpenHotelAsync(doubles: 2, suites: 0);
        await api.Client.PostAsync(Blocks(source, "d1"), Block(1, 3, "out_of_order", "Bathroom refit")).OkAsync();
        var document = JsonNode.Parse((await api.Client.GetAsync($"/api/orgs/{source}/export").OkAsync()).GetRawText())!;
        foreach (var room in document["properties"]![0]!["rooms"]!.AsArray())
        {
            room!.AsObject().Remove("blocks");
        }

        document["properties"]![0]!["bookings"]!.AsArray().Add(ExportedBookings.Booking("older", "d2", 1, 3, "Confirmed"));
        var target = await NewOrganizationAsync();

        var summary = await api.Client.PostAsync($"/api/orgs/{target}/import", document).OkAsync();

        Assert.Equal(1, summary.GetProperty("bookings").GetInt32());
        Assert.Empty((await api.Client.GetAsync(Blocks(target, "d1")).OkAsync()).EnumerateArray());
        Assert.Equal(1, await FreeDoublesAsync(target, 1, 3));
    }

    [Fact]
    public async Task Stays_in_the_past_and_guests_in_house_since_before_today_arrive_as_they_were()
    {
        var source = await api.OpenHotelAsync(doubles: 2, suites: 0);
        var document = JsonNode.Parse((await api.Client.GetAsync($"/api/orgs/{source}/export").OkAsync()).GetRawText())!;
        var bookings = document["properties"]![0]!["bookings"]!.AsArray();
        bookings.Add(ExportedBookings.Booking("last-week", "d1", -9, -6, "CheckedOut", departedOn: -7));
        bookings.Add(ExportedBookings.Booking("in-house", "d1", -3, 2, "CheckedIn"));
        bookings.Add(ExportedBookings.Booking("long-ago", "d2", -400, -398, "CheckedOut"));
        var target = await NewOrganizationAsync();

        await api.Client.PostAsync($"/api/orgs/{target}/import", document).OkAsync();

        var board = await api.Client.GetAsync($"/api/orgs/{target}/properties/hotel/board?from={ApiFixture.Day(-10)}&to={ApiFixture.Day(5)}").OkAsync();
        var onBoard = board.GetProperty("bookings").EnumerateArray().ToDictionary(b => b.GetProperty("id").GetString()!, b => b.GetProperty("status").GetString());
        Assert.Equal("CheckedOut", onBoard["last-week"]);
        Assert.Equal("CheckedIn", onBoard["in-house"]);
        var room = await api.Client.GetAsync($"/api/orgs/{target}/properties/hotel/rooms/d1").OkAsync();
        Assert.Contains(room.GetProperty("stays").EnumerateArray(), s => s.GetProperty("bookingId").GetString() == "last-week" && s.GetProperty("checkOut").GetString() == ApiFixture.Day(-7));
        // A stay the room had already forgotten stays with its booking only.
        Assert.Equal("CheckedOut", Status(await api.Client.GetAsync($"/api/orgs/{target}/bookings/long-ago").OkAsync()));
        Assert.DoesNotContain((await api.Client.GetAsync($"/api/orgs/{target}/properties/hotel/rooms/d2").OkAsync()).GetProperty("stays").EnumerateArray(), s => s.GetProperty("bookingId").GetString() == "long-ago");
        // The guest in house checks out the usual way.
        await api.Client.PostAsync($"/api/orgs/{target}/bookings/in-house/check-out", null).OkAsync();
    }


    private static string Blocks(string org, string room) => $"/api/orgs/{org}/properties/hotel/rooms/{room}/blocks";

    private static object Block(int from, int to, string kind, string reason) =>
        new { from = ApiFixture.Day(from), to = ApiFixture.Day(to), kind, reason };

    private static (string?, string?, string?, string?, string?) Describe(JsonElement block) =>
        (block.GetProperty("id").GetString(), block.GetProperty("from").GetString(), block.GetProperty("to").GetString(), block.GetProperty("kind").GetString(), block.GetProperty("reason").GetString());

    private async Task<int> FreeDoublesAsync(string org, int from, int to)
    {
        var search = await api.Client.GetAsync($"/api/orgs/{org}/properties/hotel/availability?checkIn={ApiFixture.Day(from)}&checkOut={ApiFixture.Day(to)}").OkAsync();
        return search.GetProperty("roomTypes").EnumerateArray().Single(t => t.GetProperty("roomType").GetString() == "double").GetProperty("freeRooms").GetInt32();
    }

    private async Task<string> BookAsync(string org, string room, int from, int to, string guest, params string[] steps)
    {
        var id = (await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay(room, from, to, guest)).OkAsync()).GetProperty("id").GetString()!;
        foreach (var step in steps)
        {
            await api.Client.PostAsync($"/api/orgs/{org}/bookings/{id}/{step}", null).OkAsync();
        }

        return id;
    }

    private async Task<string> NewOrganizationAsync(string plan = "Premium")
    {
        var org = "new-" + Guid.NewGuid().ToString("N")[..12];
        await api.Client.PostAsync("/api/orgs", new { id = org, name = "New Hotels", plan }).OkAsync();
        return org;
    }

    /// <summary>The board of the hotel from two days ago for two weeks, without its sequence (each organization counts its own).</summary>
    private async Task<string> BoardAsync(string org)
    {
        var board = JsonNode.Parse((await api.Client.GetAsync($"/api/orgs/{org}/properties/hotel/board?from={ApiFixture.Day(-2)}&to={ApiFixture.Day(12)}").OkAsync()).GetRawText())!.AsObject();
        board.Remove("sequence");
        var bookings = board["bookings"]!.AsArray().Select(b => b!.DeepClone()).OrderBy(b => (string)b!["id"]!, StringComparer.Ordinal).ToArray();
        board["bookings"] = new JsonArray(bookings);
        Assert.NotEmpty(bookings);
        return board.ToJsonString();
    }

    /// <summary>What a board following the hub from the start shows, applying events as the page does: rooms with status, and bookings still on the board.</summary>
    private async Task<string> LiveBoardAsync(string org)
    {
        var last = (await api.Client.GetAsync($"/api/orgs/{org}/properties/hotel/board").OkAsync()).GetProperty("sequence").GetInt64();
        await using var board = await BoardClient.ConnectAsync(api.App, api.OwnerToken);
        var events = await board.FollowUntilAsync(org, 0, received => received.Count > 0 && received[^1].Sequence >= last);
        var rooms = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var bookings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var blocks = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var change in events)
        {
            var data = change.Data;
            string Text(string name) => data.GetProperty(name).GetString()!;
            switch (change.Type)
            {
                case "RoomAdded": rooms[Text("roomId")] = "Clean"; break;
                case "RoomStatusChanged": rooms[Text("roomId")] = Text("to"); break;
                case "RoomRetired": rooms.Remove(Text("roomId")); break;
                case "BookingHeld": bookings[Text("bookingId")] = $"{Text("roomId")} {Text("checkIn")}..{Text("checkOut")} Held"; break;
                case "BookingConfirmed": bookings[Text("bookingId")] = $"{Text("roomId")} {Text("checkIn")}..{Text("checkOut")} Confirmed"; break;
                case "GuestCheckedIn": bookings[Text("bookingId")] = $"{Text("roomId")} {Text("checkIn")}..{Text("checkOut")} CheckedIn"; break;
                case "GuestCheckedOut": bookings[Text("bookingId")] = $"{Text("roomId")} {Text("checkIn")}..{Departed(Text("checkIn"), Text("departed"))} CheckedOut"; break;
                case "BookingCancelled" or "BookingExpired" or "GuestNoShow": bookings.Remove(Text("bookingId")); break;
                case "RoomBlocked": blocks[$"{Text("roomId")}/{Text("blockId")}"] = $"{Text("from")}..{Text("to")} {Text("kind")} {Text("reason")}"; break;
                case "RoomUnblocked": blocks.Remove($"{Text("roomId")}/{Text("blockId")}"); break;
            }
        }

        return string.Join("; ", rooms.Select(r => $"{r.Key} {r.Value}")) + " | " + string.Join("; ", bookings.Select(b => $"{b.Key} {b.Value}"))
            + " | " + string.Join("; ", blocks.Select(b => $"{b.Key} {b.Value}"));
    }

    /// <summary>The properties of an export with rooms in id order (an import adds retired rooms first) and without payments (they stay behind).</summary>
    private static string Properties(JsonElement document)
    {
        var properties = JsonNode.Parse(document.GetProperty("properties").GetRawText())!.AsArray();
        foreach (var property in properties)
        {
            var rooms = property!["rooms"]!.AsArray().Select(r => r!.DeepClone()).OrderBy(r => (string)r!["id"]!, StringComparer.Ordinal).ToArray();
            property["rooms"] = new JsonArray(rooms);
            foreach (var booking in property["bookings"]!.AsArray())
            {
                booking!.AsObject().Remove("payment");
            }
        }

        return properties.ToJsonString();
    }

    /// <summary>As the page draws a departure: up to the day the guest left, and at least the first night.</summary>
    private static string Departed(string checkIn, string departed) =>
        string.CompareOrdinal(departed, checkIn) > 0 ? departed : DateOnly.ParseExact(checkIn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string? Status(JsonElement booking) => booking.GetProperty("status").GetString();
}
