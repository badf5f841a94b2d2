using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace Actors.Api.Tests.Exports;

/// <summary>
/// A document that cannot be loaded as it is gets a 4xx problem naming what is wrong, and the target
/// organization stays exactly as it was: every rule is checked before the first write.
/// </summary>
public sealed class ImportRefusalTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    public static TheoryData<string, string> BadDocuments => new()
    {
        { "unknown format", "format" },
        { "wrong version", "version" },
        { "dates backwards", "properties[0].bookings[0].checkOut" },
        { "date after 2199", "properties[0].bookings[0].checkIn" },
        { "duplicate room ids", "properties[0].rooms[2].id" },
        { "stay in a room that does not exist", "properties[0].bookings[0].roomId" },
        { "two stays on one night in one room", "properties[0].bookings[1].checkIn" },
        { "room of an unknown type", "properties[0].rooms[0].roomType" },
        { "nights that do not match the dates", "properties[0].bookings[0].nights" },
        { "guest without a name", "properties[0].bookings[0].guest.name" },
        { "a party of a thousand", "properties[0].bookings[0].guests" },
        { "block dates backwards", "properties[0].rooms[0].blocks[0].to" },
        { "block date after 2199", "properties[0].rooms[0].blocks[0].from" },
        { "block of an unknown kind", "properties[0].rooms[0].blocks[0].kind" },
        { "block without a reason", "properties[0].rooms[0].blocks[0].reason" },
        { "block id the room would not give", "properties[0].rooms[0].blocks[0].id" },
        { "two blocks of a room with one id", "properties[0].rooms[0].blocks[1].id" },
        { "two blocks on one night in one room", "properties[0].rooms[0].blocks[1].from" },
        { "block over a stay of its room", "properties[0].rooms[0].blocks[0].from" },
        { "blocks of a room the document names twice", "properties[0].rooms[2].id" },
    };

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public async Task A_bad_document_is_refused_naming_the_field_and_nothing_is_written(string change, string field)
    {
        var document = await DocumentAsync();
        var property = document["properties"]![0]!;
        var bookings = property["bookings"]!.AsArray();
        bookings.Add(ExportedBookings.Booking("first", "d1", 3, 5, "Confirmed"));
        var rooms = property["rooms"]!.AsArray();
        Assert.Equal("d1", (string?)rooms[0]!["id"]);
        // A block of its own in each room, clear of the stay: what each case changes is the only fault.
        rooms[0]!["blocks"] = new JsonArray(ExportedBlock("1", 6, 8));
        rooms[1]!["blocks"] = new JsonArray(ExportedBlock("1", 3, 5));
        var blocks = rooms[0]!["blocks"]!.AsArray();
        switch (change)
        {
            case "unknown format": document["format"] = "someone-else/hotel"; break;
            case "wrong version": document["version"] = 2; break;
            case "dates backwards": bookings[0]!["checkOut"] = ApiFixture.Day(1); break;
            case "date after 2199": bookings[0] = ExportedBookings.Booking("first", "d1", 0, 2, "Confirmed", checkIn: "2300-01-01"); break;
            case "duplicate room ids": property["rooms"]!.AsArray().Add(new JsonObject { ["id"] = "d1", ["name"] = "Again", ["roomType"] = "double", ["housekeeping"] = "Clean" }); break;
            case "stay in a room that does not exist": bookings[0]!["roomId"] = "z9"; break;
            case "two stays on one night in one room": bookings.Add(ExportedBookings.Booking("second", "d1", 4, 6, "CheckedIn")); break;
            case "room of an unknown type": property["rooms"]![0]!["roomType"] = "penthouse"; break;
            case "nights that do not match the dates": bookings[0]!["nights"]!.AsArray().RemoveAt(0); break;
            case "guest without a name": bookings[0]!["guest"]!["name"] = "\u200B\u200B"; break;
            case "a party of a thousand": bookings[0]!["guests"] = 1000; break;
            case "block dates backwards": blocks[0]!["to"] = ApiFixture.Day(6); break;
            case "block date after 2199": blocks[0]!["from"] = "2300-01-01"; break;
            case "block of an unknown kind": blocks[0]!["kind"] = "closed"; break;
            case "block without a reason": blocks[0]!["reason"] = "\u200B"; break;
            case "block id the room would not give": blocks[0]!["id"] = "b-1"; break;
            case "two blocks of a room with one id": blocks.Add(ExportedBlock("1", 10, 12)); break;
            case "two blocks on one night in one room": blocks.Add(ExportedBlock("2", 7, 9)); break;
            case "block over a stay of its room": blocks[0]!["from"] = ApiFixture.Day(4); break;
            case "blocks of a room the document names twice": rooms.Add(new JsonObject { ["id"] = "d1", ["name"] = "Again", ["roomType"] = "double", ["housekeeping"] = "Clean", ["blocks"] = new JsonArray(ExportedBlock("2", 10, 12)) }); break;
        }

        var target = await NewOrganizationAsync();
        var before = await FingerprintAsync(target);

        using var response = await api.Client.PostAsync($"/api/orgs/{target}/import", document);

        var problem = await response.ReadAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ApiFixture.Problems + "validation", problem.ProblemType());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error for {field}: {problem}");
        Assert.Equal(before, await FingerprintAsync(target));
    }

    [Fact]
    public async Task An_empty_body_is_refused_in_the_projects_words()
    {
        var target = await NewOrganizationAsync();

        using var empty = await api.Client.SendRawAsync(HttpMethod.Post, $"/api/orgs/{target}/import", "");
        using var notJson = await api.Client.SendRawAsync(HttpMethod.Post, $"/api/orgs/{target}/import", "{\"format\": ");

        var problem = await empty.ReadAsync();
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _), problem.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(ApiFixture.Problems + "validation", (await notJson.ReadAsync()).ProblemType());
    }

    [Fact]
    public async Task A_document_larger_than_the_limit_is_refused_as_too_large()
    {
        var target = await NewOrganizationAsync();
        var huge = "{\"format\":\"booking-platform/organization\",\"version\":1,\"padding\":\"" + new string('x', 17 * 1024 * 1024) + "\"}";

        // As a well-behaved client sends a large body: the server's refusal comes before the body is sent.
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/orgs/{target}/import")
        {
            Content = new StringContent(huge, System.Text.Encoding.UTF8, "application/json"),
            Headers = { ExpectContinue = true },
        };
        using var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(ApiFixture.Problems + "too-large", (await response.ReadAsync()).ProblemType());
    }

    [Fact]
    public async Task An_organization_that_has_properties_is_not_imported_into()
    {
        var document = await DocumentAsync();
        var target = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var before = await FingerprintAsync(target);

        using var response = await api.Client.PostAsync($"/api/orgs/{target}/import", document);

        var problem = await response.ReadAsync();
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(ApiFixture.Problems + "conflict", problem.ProblemType());
        Assert.Contains("already has properties (hotel)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await FingerprintAsync(target));
    }

    [Fact]
    public async Task More_rooms_or_properties_than_the_plan_allows_are_refused_with_the_plan_limit()
    {
        var rooms = await DocumentAsync(doubles: 11);
        var properties = await DocumentAsync();
        var second = properties["properties"]![0]!.DeepClone();
        second["id"] = "annex";
        properties["properties"]!.AsArray().Add(second);
        var target = await NewOrganizationAsync("Free");
        var before = await FingerprintAsync(target);

        using var tooManyRooms = await api.Client.PostAsync($"/api/orgs/{target}/import", rooms);
        using var tooManyProperties = await api.Client.PostAsync($"/api/orgs/{target}/import", properties);

        Assert.Equal(HttpStatusCode.Forbidden, tooManyRooms.StatusCode);
        Assert.Equal(ApiFixture.Problems + "plan-limit", (await tooManyRooms.ReadAsync()).ProblemType());
        Assert.Equal(HttpStatusCode.Forbidden, tooManyProperties.StatusCode);
        Assert.Equal(ApiFixture.Problems + "plan-limit", (await tooManyProperties.ReadAsync()).ProblemType());
        Assert.Equal(before, await FingerprintAsync(target));
    }

    /// <summary>A block as an export writes it, out of order for the nights [from, to) counted from today.</summary>
    public static JsonObject ExportedBlock(string id, int from, int to, string reason = "Bathroom refit") => new()
    {
        ["id"] = id,
        ["from"] = ApiFixture.Day(from),
        ["to"] = ApiFixture.Day(to),
        ["kind"] = "out_of_order",
        ["reason"] = reason,
    };

    /// <summary>An export of a new hotel with <paramref name="doubles"/> double rooms and no bookings yet.</summary>
    private async Task<JsonNode> DocumentAsync(int doubles = 2)
    {
        var source = await api.OpenHotelAsync(doubles: doubles, suites: 0);
        return JsonNode.Parse((await api.Client.GetAsync($"/api/orgs/{source}/export").OkAsync()).GetRawText())!;
    }

    private async Task<string> NewOrganizationAsync(string plan = "Premium")
    {
        var org = "new-" + Guid.NewGuid().ToString("N")[..12];
        await api.Client.PostAsync("/api/orgs", new { id = org, name = "New Hotels", plan }).OkAsync();
        return org;
    }

    /// <summary>Every row of the organization, as IsolationApi counts bravo's: grain state versions (stream consumers aside), events and stays.</summary>
    private Task<string> FingerprintAsync(string org) => api.Database.ScalarAsync<string>(
        $"""
        SELECT coalesce((SELECT string_agg(grain_type || ':' || grain_key || ':' || version, ',' ORDER BY grain_type, grain_key)
                         FROM grain_state WHERE (grain_key = $1 OR grain_key LIKE $1 || '/%') AND grain_type NOT IN ({DatabaseFingerprint.StreamConsumers})), '')
            || ' events ' || (SELECT count(*) FROM event_log WHERE stream_key = $1 OR stream_key LIKE $1 || '/%')
            || ' stays ' || (SELECT count(*) FROM stays WHERE room_key LIKE $1 || '/%')
        """,
        org);
}
