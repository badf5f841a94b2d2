using System.Net;
using System.Text.Json;
using Actors.Persistence.Testing;
using Xunit;

namespace Actors.Api.Tests;

/// <summary>
/// A property's nightly figures, built by a grain from the property's event stream: they follow
/// confirmations, holds, check-ins, moves, date changes, cancellations and out-of-order rooms.
/// </summary>
public sealed class FiguresTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Figures_count_what_is_sold_and_follow_every_change()
    {
        var org = await api.OpenHotelAsync(doubles: 2, suites: 1);
        var bookings = $"/api/orgs/{org}/bookings";

        // Today and tomorrow in d1, confirmed and checked in; a suite held but not confirmed; two nights later in d2, confirmed.
        var inHouse = (await api.Client.PostAsync(bookings, ApiFixture.Stay("d1", 0, 2)).OkAsync()).GetProperty("id").GetString();
        await api.Client.PostAsync($"{bookings}/{inHouse}/confirm", null).OkAsync();
        await api.Client.PostAsync($"{bookings}/{inHouse}/check-in", null).OkAsync();
        await api.Client.PostAsync(bookings, ApiFixture.Stay("s1", 0, 1)).OkAsync();
        var later = (await api.Client.PostAsync(bookings, ApiFixture.Stay("d2", 2, 4)).OkAsync()).GetProperty("id").GetString();
        await api.Client.PostAsync($"{bookings}/{later}/confirm", null).OkAsync();

        var nights = await FiguresAsync(org, n => n[2].GetProperty("roomsSold").GetInt32() == 1);
        Assert.Equal("3 0 1 0.3333 100 100 33.33 1 0 1", Line(nights[0]));
        Assert.Equal("3 0 1 0.3333 100 100 33.33 0 0 1", Line(nights[1]));
        Assert.Equal("3 0 1 0.3333 100 100 33.33 1 1 0", Line(nights[2]));

        // The later stay moves to the suite and grows by a night at the suite's rate; d1's room goes out of order.
        await api.Client.PostAsync($"{bookings}/{later}/move", new { roomId = "s1" }).OkAsync();
        await api.Client.PutAsync($"/api/orgs/{org}/properties/hotel/rooms/d2/housekeeping", new { status = "OutOfOrder" }).OkAsync();
        await api.Client.PutAsync($"{bookings}/{later}/dates", new { checkIn = ApiFixture.Day(2), checkOut = ApiFixture.Day(5) }).OkAsync();
        nights = await FiguresAsync(org, n => n[4].GetProperty("roomsSold").GetInt32() == 1 && n[0].GetProperty("outOfOrder").GetInt32() == 1);
        Assert.Equal("3 1 1 0.5 100 100 50 1 0 1", Line(nights[0]));
        Assert.StartsWith("3 1 1 0.5 ", Line(nights[3]), StringComparison.Ordinal);
        Assert.EndsWith(" 0 0 0", Line(nights[3]), StringComparison.Ordinal);
        var revenue = nights[3].GetProperty("roomRevenue").GetDecimal();
        Assert.True(revenue > 0);
        Assert.Equal(revenue, nights[3].GetProperty("adr").GetDecimal());
        Assert.Equal(Math.Round(revenue / 2, 2), nights[3].GetProperty("revPar").GetDecimal());

        // Cancelled: its nights are no longer sold.
        await api.Client.PostAsync($"{bookings}/{later}/cancel", null).OkAsync();
        nights = await FiguresAsync(org, n => n[3].GetProperty("roomsSold").GetInt32() == 0);
        Assert.Equal("3 1 0 0 0 0 0 0 0 0", Line(nights[3]));
    }

    /// <summary>
    /// The figures keep each stay as a row written with their state, not inside it, so a write costs
    /// what changed rather than the property's whole history. Figures stored the earlier way (stays
    /// inside the document) are read as they are after a restart and move to rows with the next write.
    /// </summary>
    [Fact]
    public async Task Figures_keep_each_stay_as_a_row_and_move_stays_stored_the_earlier_way_to_rows()
    {
        var org = await api.OpenHotelAsync(doubles: 2, suites: 1);
        var key = $"{org}/hotel";
        var kept = await BookAsync(org, "d1", 0, 2, then: "confirm");
        await BookAsync(org, "d2", 0, 1, then: "cancel");

        // Stored within seconds: the confirmed stay's row, nothing of the cancelled one, no stays in the document.
        await Eventually.Until(() => StayRowsAsync(key), rows => rows == $"{kept} Confirmed");
        Assert.False(await StaysInDocumentAsync(key));

        // As figures were stored before: the stays inside the document, no rows.
        await api.Database.ExecuteAsync("""
            UPDATE grain_state SET payload = jsonb_set(payload, '{data,stays}', (
                SELECT jsonb_object_agg(booking_id, jsonb_build_object('roomId', room_id, 'checkIn', check_in, 'checkOut', check_out,
                    'nightsBooked', nights_booked, 'total', total, 'stage', stage))
                FROM figures_stays WHERE figures_key = $1))
            WHERE grain_type = 'property-figures' AND grain_key = $1
            """, key);
        await api.Database.ExecuteAsync("DELETE FROM figures_stays WHERE figures_key = $1", key);
        await api.RestartAsync();
        var nights = await FiguresAsync(org, n => n[1].GetProperty("roomsSold").GetInt32() == 1);
        Assert.Equal(1, nights[0].GetProperty("roomsSold").GetInt32());

        // The next write moves them to rows, beside the new stay's.
        var added = await BookAsync(org, "d2", 3, 4);
        var expected = string.Join(',', new[] { $"{kept} Confirmed", $"{added} Held" }.Order(StringComparer.Ordinal));
        await Eventually.Until(() => StayRowsAsync(key), rows => rows == expected);
        Assert.False(await StaysInDocumentAsync(key));

        await api.RestartAsync();
        nights = await FiguresAsync(org, n => n[0].GetProperty("roomsSold").GetInt32() == 1);
        Assert.Equal(new[] { 1, 1, 0, 0 }, nights[..4].Select(n => n.GetProperty("roomsSold").GetInt32()));
    }

    /// <summary>
    /// A write of the figures that fails puts their state back to what storage holds, and their stays
    /// with it: the stays already stored are read again (without that the figures would lose them until
    /// the grain restarted), and the changes since are applied again from the log.
    /// </summary>
    [Fact]
    public async Task A_failed_write_of_the_figures_keeps_the_stays_already_stored()
    {
        var org = await api.OpenHotelAsync(doubles: 2, suites: 1);
        var key = $"{org}/hotel";
        var first = await BookAsync(org, "d1", 0, 1, then: "confirm");
        await Eventually.Until(() => StayRowsAsync(key), rows => rows == $"{first} Confirmed");

        // From now on PostgreSQL refuses this property's figures rows, and with them the figures' whole write.
        var trigger = $"refuse_{org.Replace('-', '_')}";
        await api.Database.ExecuteAsync($"""
            CREATE FUNCTION {trigger}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
            CREATE TRIGGER {trigger} BEFORE INSERT OR UPDATE ON figures_stays FOR EACH ROW WHEN (NEW.figures_key = '{key}') EXECUTE FUNCTION {trigger}();
            """);
        var version = await FiguresVersionAsync(key);
        var second = await BookAsync(org, "d2", 0, 1, then: "confirm");
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Equal(version, await FiguresVersionAsync(key));

        // Both stays still count: the first from its row, read again after the failed write, the second from the log.
        var nights = await FiguresAsync(org, n => n[0].GetProperty("roomsSold").GetInt32() == 2);
        Assert.Equal(2, nights[0].GetProperty("roomsSold").GetInt32());

        await api.Database.ExecuteAsync($"DROP TRIGGER {trigger} ON figures_stays; DROP FUNCTION {trigger}();");
        var expected = string.Join(',', new[] { $"{first} Confirmed", $"{second} Confirmed" }.Order(StringComparer.Ordinal));
        await Eventually.Until(() => StayRowsAsync(key), rows => rows == expected);
    }

    /// <summary>Holds a room for the nights [from, to) days from today, then (when named) confirms or cancels it; returns the booking's id.</summary>
    private async Task<string> BookAsync(string org, string room, int from, int to, string? then = null)
    {
        var bookings = $"/api/orgs/{org}/bookings";
        var id = (await api.Client.PostAsync(bookings, ApiFixture.Stay(room, from, to)).OkAsync()).GetProperty("id").GetString()!;
        if (then is not null)
        {
            await api.Client.PostAsync($"{bookings}/{id}/{then}", null).OkAsync();
        }

        return id;
    }

    private Task<long> FiguresVersionAsync(string key) => api.Database.ScalarAsync<long>(
        "SELECT version FROM grain_state WHERE grain_type = 'property-figures' AND grain_key = $1", key);

    private Task<string> StayRowsAsync(string key) => api.Database.ScalarAsync<string>(
        "SELECT coalesce(string_agg(booking_id || ' ' || stage, ',' ORDER BY booking_id COLLATE \"C\"), '') FROM figures_stays WHERE figures_key = $1", key);

    private Task<bool> StaysInDocumentAsync(string key) => api.Database.ScalarAsync<bool>(
        "SELECT payload->'data' ? 'stays' FROM grain_state WHERE grain_type = 'property-figures' AND grain_key = $1", key);

    /// <summary>Ranges the figures refuse, and the field each refusal names; the CSV refuses the same.</summary>
    public static TheoryData<string, string> BadRanges => new()
    {
        { "", "from" },
        { "?from=2026-01-01", "to" },
        { "?from=2026-13-01&to=2026-12-01", "from" },
        { "?from=2026-12-10&to=2026-12-01", "to" },
        { "?from=2026-12-01&to=2026-12-01", "to" },
        { "?from=2026-01-01&to=2028-01-01", "to" },
        { "?from=01/12/2026&to=2026-12-31", "from" },
        { "?from=%E2%80%8B2026-01-01&to=2026-02-01", "from" },
    };

    [Theory]
    [MemberData(nameof(BadRanges))]
    public async Task A_bad_range_is_a_validation_problem_naming_the_field(string query, string field)
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        using var response = await api.Client.GetAsync($"/api/orgs/{org}/properties/hotel/figures{query}");
        var problem = await response.ReadAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ApiFixture.Problems + "validation", problem.ProblemType());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task An_unknown_property_is_not_found_and_another_organizations_is_forbidden()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        using var unknown = await api.Client.GetAsync($"/api/orgs/{org}/properties/nowhere/figures?from={ApiFixture.Day(0)}&to={ApiFixture.Day(7)}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        using var stranger = api.ClientFor(await ApiFixture.SignUpAsync(api.App.NewClient(), "other-" + Guid.NewGuid().ToString("N")[..8], $"o-{Guid.NewGuid():N}@example.com"));
        using var foreign = await stranger.GetAsync($"/api/orgs/{org}/properties/hotel/figures?from={ApiFixture.Day(0)}&to={ApiFixture.Day(7)}");
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
    }

    private async Task<JsonElement[]> FiguresAsync(string org, Func<JsonElement[], bool> until)
    {
        var path = $"/api/orgs/{org}/properties/hotel/figures?from={ApiFixture.Day(0)}&to={ApiFixture.Day(6)}";
        return await Eventually.Until(
            async () => (await api.Client.GetAsync(path).OkAsync()).GetProperty("nights").EnumerateArray().ToArray(),
            until);
    }

    // rooms, out of order, sold, occupancy, revenue, ADR, RevPAR, arrivals, departures, in house
    private static string Line(JsonElement night) => string.Join(' ',
        new[] { "rooms", "outOfOrder", "roomsSold", "occupancy", "roomRevenue", "adr", "revPar", "arrivals", "departures", "inHouse" }
            .Select(p => night.GetProperty(p).GetRawText()));
}
