using System.Net;
using Actors.Persistence.Testing;
using Xunit;

namespace Actors.Api.Tests;

/// <summary>
/// The figures as a CSV download: the JSON's nights row by row, checked and guarded exactly as the
/// JSON is (same range errors, same 404, managers only, no other organization's property).
/// </summary>
public sealed class FiguresCsvTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Header = "night,rooms,outOfOrder,roomsSold,occupancy,roomRevenue,adr,revPar,arrivals,departures,inHouse,currency";

    [Fact]
    public async Task The_csv_has_a_header_and_one_row_per_night_of_what_was_sold()
    {
        var org = await api.OpenHotelAsync(doubles: 2, suites: 1);
        // A double for two nights and a suite for the second, both confirmed; a double held, so not sold.
        await BookAsync(org, "d1", 0, 2);
        await BookAsync(org, "s1", 1, 2);
        await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d2", 0, 1)).OkAsync();
        var path = $"/api/orgs/{org}/properties/hotel/figures.csv?from={ApiFixture.Day(0)}&to={ApiFixture.Day(3)}";

        var csv = await Eventually.Until(() => api.Client.GetStringAsync(path), text => text.Contains(",2,0.6667,", StringComparison.Ordinal));
        using var response = await api.Client.GetAsync(path);

        Assert.Equal(
            $"{Header}\r\n"
            + $"{ApiFixture.Day(0)},3,0,1,0.3333,100.00,100.00,33.33,1,0,0,EUR\r\n"
            + $"{ApiFixture.Day(1)},3,0,2,0.6667,350.00,175.00,116.67,1,0,0,EUR\r\n"
            + $"{ApiFixture.Day(2)},3,0,0,0.0000,0.00,0.00,0.00,0,2,0,EUR\r\n",
            csv);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"hotel-figures-{ApiFixture.Day(0)}-to-{ApiFixture.Day(2)}.csv", response.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task The_csv_and_the_json_give_the_same_nights()
    {
        var org = await api.OpenHotelAsync(doubles: 2, suites: 1);
        await BookAsync(org, "d1", 1, 4);
        var query = $"?from={ApiFixture.Day(0)}&to={ApiFixture.Day(5)}";
        var rows = (await Eventually.Until(
            () => api.Client.GetStringAsync($"/api/orgs/{org}/properties/hotel/figures.csv{query}"),
            text => text.Contains(",1,0.3333,", StringComparison.Ordinal))).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var nights = (await api.Client.GetAsync($"/api/orgs/{org}/properties/hotel/figures{query}").OkAsync()).GetProperty("nights").EnumerateArray().ToArray();

        Assert.Equal(nights.Length + 1, rows.Length);
        for (var i = 0; i < nights.Length; i++)
        {
            var cells = rows[i + 1].Split(',');
            Assert.Equal(nights[i].GetProperty("night").GetString(), cells[0]);
            Assert.Equal(nights[i].GetProperty("roomsSold").GetInt32(), int.Parse(cells[3], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(nights[i].GetProperty("roomRevenue").GetDecimal(), decimal.Parse(cells[5], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(nights[i].GetProperty("revPar").GetDecimal(), decimal.Parse(cells[7], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [MemberData(nameof(FiguresTests.BadRanges), MemberType = typeof(FiguresTests))]
    public async Task A_bad_range_is_the_same_validation_problem_as_the_json_gives(string query, string field)
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        using var response = await api.Client.GetAsync($"/api/orgs/{org}/properties/hotel/figures.csv{query}");
        var problem = await response.ReadAsync();
        using var json = await api.Client.GetAsync($"/api/orgs/{org}/properties/hotel/figures{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ApiFixture.Problems + "validation", problem.ProblemType());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(problem.GetProperty("errors").ToString(), (await json.ReadAsync()).GetProperty("errors").ToString());
    }

    [Fact]
    public async Task An_unknown_property_is_not_found_and_another_organizations_is_forbidden()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var range = $"?from={ApiFixture.Day(0)}&to={ApiFixture.Day(7)}";
        using var unknown = await api.Client.GetAsync($"/api/orgs/{org}/properties/nowhere/figures.csv{range}");

        using var stranger = api.ClientFor(await ApiFixture.SignUpAsync(api.App.NewClient(), "other-" + Guid.NewGuid().ToString("N")[..8], $"o-{Guid.NewGuid():N}@example.com"));
        using var foreign = await stranger.GetAsync($"/api/orgs/{org}/properties/hotel/figures.csv{range}");
        using var anonymous = api.App.NewClient();
        using var signedOut = await anonymous.GetAsync($"/api/orgs/{org}/properties/hotel/figures.csv{range}");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(ApiFixture.Problems + "not-found", (await unknown.ReadAsync()).ProblemType());
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);
    }

    [Fact]
    public async Task Managers_read_the_figures_and_their_csv_and_staff_read_neither()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        using var manager = await JoinAsync(org, "Manager");
        using var staff = await JoinAsync(org, "Staff");
        var range = $"?from={ApiFixture.Day(0)}&to={ApiFixture.Day(7)}";

        foreach (var path in new[] { "figures", "figures.csv" })
        {
            using var managers = await manager.GetAsync($"/api/orgs/{org}/properties/hotel/{path}{range}");
            using var staffs = await staff.GetAsync($"/api/orgs/{org}/properties/hotel/{path}{range}");

            Assert.Equal(HttpStatusCode.OK, managers.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, staffs.StatusCode);
            Assert.Equal(ApiFixture.Problems + "forbidden", (await staffs.ReadAsync()).ProblemType());
        }
    }

    [Fact]
    public async Task The_api_document_describes_the_csv_with_its_range()
    {
        var document = await api.Client.GetAsync("/openapi/v1.json").OkAsync();
        var operation = document.GetProperty("paths").GetProperty("/api/orgs/{org}/properties/{property}/figures.csv").GetProperty("get");

        Assert.Contains("CSV", operation.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains("Content-Disposition", operation.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains(operation.GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject(), c => c.Name.StartsWith("text/csv", StringComparison.Ordinal));
        Assert.Equal(["from", "to"], operation.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()));
    }

    private async Task BookAsync(string org, string room, int from, int to)
    {
        var booking = (await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay(room, from, to)).OkAsync()).GetProperty("id").GetString();
        await api.Client.PostAsync($"/api/orgs/{org}/bookings/{booking}/confirm", null).OkAsync();
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
