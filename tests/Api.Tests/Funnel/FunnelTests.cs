using System.Net;
using System.Text.Json;
using Actors.Persistence.Testing;
using Xunit;

namespace Actors.Api.Tests.Funnel;

/// <summary>
/// The booking funnel over HTTP: the page's steps count once each and in order, holds and confirmations
/// come from the booking made in the visit, and nothing is attributed across properties or organizations.
/// </summary>
public sealed class FunnelTests(FunnelApi api) : IClassFixture<FunnelApi>
{
    [Fact]
    public async Task Steps_count_once_and_in_order_and_the_booking_made_in_the_visit_is_held_and_confirmed()
    {
        var org = await api.OpenHotelAsync();
        using var guest = api.App.NewClient();
        var visit = await Visitors.StartIdAsync(guest, org, source: "newsletter", campaign: "spring");
        Assert.Equal(22, visit.Length);

        // A repeat and a step ahead of its turn are ignored; a second search is the same step.
        await Visitors.StepsAsync(guest, org, visit, "viewed", "viewed", "saw-prices", "searched", "searched", "saw-prices", "chose-room", "chose-room");
        await Visitors.BookAsync(guest, org, visit);

        var report = await Visitors.ReportWhenAsync(api.Client, org, r => Visitors.Step(r, "confirmed") == 1);
        Assert.Equal("1 1 1 1 1 1", Visitors.Steps(report));
        Assert.Equal(1, report.GetProperty("sessions").GetInt32());
        Assert.Equal(1, report.GetProperty("bookings").GetInt32());
        Assert.Equal(200m, report.GetProperty("revenue").GetDecimal());
        Assert.Equal("EUR", report.GetProperty("currency").GetString());
        var source = Assert.Single(report.GetProperty("sources").EnumerateArray());
        Assert.Equal("newsletter email spring 1 1 1 200", Line(source, "source", "medium", "campaign", "sessions", "bookings", "conversion", "revenue"));
    }

    [Fact]
    public async Task Steps_sent_with_the_start_or_together_count_as_if_sent_one_by_one()
    {
        var org = await api.OpenHotelAsync();
        using var guest = api.App.NewClient();
        var searcher = await Visitors.StartIdAsync(guest, org, steps: ["viewed", "searched"]);
        // A second search in the same burst is passed over; the prices after it still count.
        await Visitors.BatchAsync(guest, org, searcher, "searched", "saw-prices");
        await Visitors.BatchAsync(guest, org, searcher, "chose-room");
        // A step ahead of its turn ends its batch: the search after it waits for the next report.
        var forger = await Visitors.StartIdAsync(guest, org, steps: ["viewed", "chose-room", "searched"]);
        await Visitors.BatchAsync(guest, org, forger, "searched");

        var report = await Visitors.ReportWhenAsync(api.Client, org, r => Visitors.Step(r, "searched") == 2);
        Assert.Equal(2, report.GetProperty("sessions").GetInt32());
        Assert.Equal("2 2 1 1 0 0", Visitors.Steps(report));
        var kept = await api.Client.GetAsync($"{Visitors.Hotel(org)}/visits/{forger}").OkAsync();
        Assert.Equal(["viewed", "searched"], kept.GetProperty("steps").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task A_search_naming_its_visit_counts_itself_and_never_another_organizations_visit()
    {
        var org = await api.OpenHotelAsync();
        var other = await api.OpenHotelAsync();
        using var guest = api.App.NewClient();
        var sawPrices = await Visitors.StartIdAsync(guest, org, steps: ["viewed"]);
        var foundNothing = await Visitors.StartIdAsync(guest, org, steps: ["viewed"]);
        var elsewhere = await Visitors.StartIdAsync(guest, other, steps: ["viewed"]);

        var found = await Visitors.SearchAsync(guest, org, sawPrices);
        Assert.Contains(found.GetProperty("roomTypes").EnumerateArray(), t => t.GetProperty("freeRooms").GetInt32() > 0);
        // No room sleeps nine: searched, but no price was seen.
        Assert.Empty((await Visitors.SearchAsync(guest, org, foundNothing, guests: 9)).GetProperty("roomTypes").EnumerateArray());
        // Counting never refuses a search: a malformed id, or another organization's visit, counts nothing.
        await Visitors.SearchAsync(guest, org, "not a visit id");
        await Visitors.SearchAsync(guest, org, elsewhere);

        var report = await Visitors.ReportWhenAsync(api.Client, org, r => Visitors.Step(r, "searched") == 2);
        Assert.Equal("2 2 1 0 0 0", Visitors.Steps(report));
        var others = await Visitors.ReportWhenAsync(api.Client, other, r => r.GetProperty("sessions").GetInt32() == 1);
        Assert.Equal("1 0 0 0 0 0", Visitors.Steps(others));
    }

    [Fact]
    public async Task A_forged_order_an_unknown_visit_and_a_step_the_page_may_not_report_count_nothing()
    {
        var org = await api.OpenHotelAsync();
        using var guest = api.App.NewClient();
        var visit = await Visitors.StartIdAsync(guest, org);
        // Straight to choosing a room: its predecessors were never reached, so it is not counted.
        await Visitors.StepsAsync(guest, org, visit, "chose-room", "saw-prices");
        // A well-formed id no visit has: answered like any other, counted nowhere.
        await Visitors.StepsAsync(guest, org, "AAAAAAAAAAAAAAAAAAAAAA", "viewed");
        using var held = await guest.PostAsync($"{Visitors.Hotel(org)}/visits/{visit}/steps", new { step = "held" });
        using var unknown = await guest.PostAsync($"{Visitors.Hotel(org)}/visits/{visit}/steps", new { step = "bought" });
        using var badId = await guest.PostAsync($"{Visitors.Hotel(org)}/visits/not-a-visit/steps", new { step = "viewed" });
        // A later visit shows the recording has caught up with the earlier calls.
        var later = await Visitors.StartIdAsync(guest, org);
        await Visitors.StepsAsync(guest, org, later, "viewed");

        var report = await Visitors.ReportWhenAsync(api.Client, org, r => Visitors.Step(r, "viewed") == 1);
        Assert.Equal(HttpStatusCode.BadRequest, held.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, badId.StatusCode);
        Assert.Equal(2, report.GetProperty("sessions").GetInt32());
        Assert.Equal("1 0 0 0 0 0", Visitors.Steps(report));
    }

    [Fact]
    public async Task A_visit_of_another_property_or_organization_attributes_nothing()
    {
        var org = await api.OpenHotelAsync();
        var other = await api.OpenHotelAsync();
        await api.Client.PostAsync($"/api/orgs/{org}/properties", new
        {
            id = "annex",
            settings = ApiFixture.PropertySettings("Annex"),
            roomTypes = new[] { new { id = "double", name = "Double", nightlyRate = 90m } },
        }).OkAsync();
        using var guest = api.App.NewClient();
        var otherOrganizations = await Visitors.StartIdAsync(guest, other, source: "elsewhere");
        var annexVisit = (await Visitors.StartAsync(guest, org, source: "annex", property: "annex")).GetProperty("visitId").GetString()!;
        await Visitors.StepsAsync(guest, other, otherOrganizations, "viewed", "searched", "saw-prices", "chose-room");

        // Both ids sent to this hotel: its steps endpoint and its holds, confirmed.
        await Visitors.StepsAsync(guest, org, otherOrganizations, "viewed");
        await Visitors.StepsAsync(guest, org, annexVisit, "viewed");
        await Visitors.BookAsync(guest, org, otherOrganizations, room: "d1");
        await Visitors.BookAsync(guest, org, annexVisit, room: "d2");
        var own = await Visitors.StartIdAsync(guest, org, source: "own");
        await Visitors.StepsAsync(guest, org, own, "viewed");
        await Visitors.BookAsync(guest, org, own, room: "s1");

        var report = await Visitors.ReportWhenAsync(api.Client, org, r => r.GetProperty("bookings").GetInt32() >= 1);
        Assert.Equal(1, report.GetProperty("sessions").GetInt32());
        // A hold proves the steps before it, so they count even when the page's reports lag behind.
        Assert.Equal("1 1 1 1 1 1", Visitors.Steps(report));
        Assert.Equal("own", Assert.Single(report.GetProperty("sources").EnumerateArray()).GetProperty("source").GetString());
        Assert.Equal(500m, report.GetProperty("revenue").GetDecimal());

        // The other organization's visit kept only its own steps, and no booking.
        var theirs = await Visitors.ReportWhenAsync(api.Client, other, r => Visitors.Step(r, "chose-room") == 1);
        Assert.Equal("1 1 1 1 0 0", Visitors.Steps(theirs));
        var annex = await api.Client.GetAsync($"/api/orgs/{org}/properties/annex/funnel?from={ApiFixture.Day(-1)}&to={ApiFixture.Day(1)}").OkAsync();
        Assert.Equal("0 0 0 0 0 0", Visitors.Steps(annex));
        Assert.Equal(1, annex.GetProperty("sessions").GetInt32());
    }

    [Fact]
    public async Task A_visit_idle_for_its_lifetime_without_a_confirmation_is_abandoned()
    {
        var org = await api.OpenHotelAsync();
        using var guest = api.App.NewClient();
        var leaves = await Visitors.StartIdAsync(guest, org);
        var books = await Visitors.StartIdAsync(guest, org);
        var neverViewed = await Visitors.StartIdAsync(guest, org);
        await Visitors.StepsAsync(guest, org, leaves, "viewed", "searched");
        await Visitors.StepsAsync(guest, org, books, "viewed");
        await Visitors.BookAsync(guest, org, books);

        var report = await Visitors.ReportWhenAsync(api.Client, org, r => r.GetProperty("abandoned").GetInt32() == 1 && r.GetProperty("bookings").GetInt32() == 1);
        Assert.Equal(3, report.GetProperty("sessions").GetInt32());
        Assert.Equal("2 2 1 1 1 1", Visitors.Steps(report));
        Assert.NotEmpty(neverViewed);
        // Drop-off: of 3 sessions 2 viewed, both searched, 1 of them saw prices.
        Assert.Equal("0.3333 0 0.5 0 0 0", string.Join(' ', report.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("dropOff").GetDecimal())));
    }

    [Fact]
    public async Task A_visitor_keeps_a_variant_of_the_running_test_and_the_report_compares_variants_with_a_z_test()
    {
        var org = await api.OpenHotelAsync(doubles: 12, suites: 0);
        var tests = $"{Visitors.Hotel(org)}/ab-tests";
        var test = await api.Client.PostAsync(tests, new
        {
            name = "Headline",
            variants = new object[]
            {
                new { key = "plain", weight = 1 },
                new { key = "sea-view", weight = 1, headline = "Wake up to the sea", roomTypeOrder = new[] { "suite", "double" }, showRoomsLeft = false },
            },
        }).OkAsync();
        var id = test.GetProperty("id").GetString()!;
        Assert.Equal("draft", test.GetProperty("status").GetString());
        using var guest = api.App.NewClient();
        Assert.Empty((await Visitors.StartAsync(guest, org)).GetProperty("variants").EnumerateArray());
        await api.Client.PostAsync($"{tests}/{id}/start", null).OkAsync();

        // Visitors until both variants have had some; each books or not by a fixed pattern.
        var seen = new Dictionary<string, (int Sessions, int Bookings)> { ["plain"] = (0, 0), ["sea-view"] = (0, 0) };
        var room = 0;
        for (var i = 0; i < 60 && (seen["plain"].Sessions < 4 || seen["sea-view"].Sessions < 4); i++)
        {
            var started = await Visitors.StartAsync(guest, org);
            var visit = started.GetProperty("visitId").GetString()!;
            var variant = Assert.Single(started.GetProperty("variants").EnumerateArray());
            var key = variant.GetProperty("variant").GetString()!;
            Assert.Equal(id, variant.GetProperty("testId").GetString());
            if (key == "sea-view")
            {
                Assert.Equal("Wake up to the sea", variant.GetProperty("headline").GetString());
                Assert.Equal("suite,double", string.Join(',', variant.GetProperty("roomTypeOrder").EnumerateArray().Select(t => t.GetString())));
                Assert.False(variant.GetProperty("showRoomsLeft").GetBoolean());
            }

            await Visitors.StepsAsync(guest, org, visit, "viewed");
            var books = (key == "sea-view" ? seen[key].Sessions % 2 == 0 : seen[key].Sessions % 4 == 0) && room < 12;
            if (books)
            {
                await Visitors.BookAsync(guest, org, visit, room: $"d{++room}");
            }

            seen[key] = (seen[key].Sessions + 1, seen[key].Bookings + (books ? 1 : 0));
        }

        var total = seen.Values.Sum(v => v.Bookings);
        var report = await Visitors.ReportWhenAsync(api.Client, org, r => r.GetProperty("bookings").GetInt32() == total);
        var result = Assert.Single(report.GetProperty("tests").EnumerateArray());
        Assert.Equal("Headline", result.GetProperty("name").GetString());
        Assert.Contains("two-proportion z-test", result.GetProperty("significance").GetString(), StringComparison.Ordinal);
        var variants = result.GetProperty("variants").EnumerateArray().ToList();
        Assert.Equal(["plain", "sea-view"], variants.Select(v => v.GetProperty("variant").GetString()));
        var (n1, x1) = seen["plain"];
        var (n2, x2) = seen["sea-view"];
        Assert.Equal($"{n1} {x1}", Line(variants[0], "sessions", "bookings"));
        Assert.Equal($"{n2} {x2}", Line(variants[1], "sessions", "bookings"));
        Assert.Equal(JsonValueKind.Null, variants[0].GetProperty("z").ValueKind);
        var pooled = (double)(x1 + x2) / (n1 + n2);
        var z = (((double)x2 / n2) - ((double)x1 / n1)) / Math.Sqrt(pooled * (1 - pooled) * ((1.0 / n1) + (1.0 / n2)));
        Assert.Equal(z, variants[1].GetProperty("z").GetDouble(), 3);
        Assert.Equal(2 * (1 - NormalCdf(Math.Abs(z))), variants[1].GetProperty("p").GetDouble(), 3);

        // The funnel's sessions outside the test (before it started) have no variant.
        Assert.Equal(n1 + n2 + 1, report.GetProperty("sessions").GetInt32());
    }

    [Fact]
    public async Task One_test_runs_at_a_time_and_a_stopped_test_cannot_start_again()
    {
        var org = await api.OpenHotelAsync();
        var tests = $"{Visitors.Hotel(org)}/ab-tests";
        var body = new { name = "Scarcity", variants = new[] { new { key = "a", weight = 1 }, new { key = "b", weight = 3 } } };
        var first = (await api.Client.PostAsync(tests, body).OkAsync()).GetProperty("id").GetString();
        var second = (await api.Client.PostAsync(tests, body).OkAsync()).GetProperty("id").GetString();
        await api.Client.PostAsync($"{tests}/{first}/start", null).OkAsync();

        using var both = await api.Client.PostAsync($"{tests}/{second}/start", null);
        Assert.Equal(HttpStatusCode.Conflict, both.StatusCode);
        Assert.Equal(ApiFixture.Problems + "conflict", (await both.ReadAsync()).ProblemType());

        await api.Client.PostAsync($"{tests}/{first}/stop", null).OkAsync();
        using var again = await api.Client.PostAsync($"{tests}/{first}/start", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(ApiFixture.Problems + "invalid-transition", (await again.ReadAsync()).ProblemType());
        await api.Client.PostAsync($"{tests}/{second}/start", null).OkAsync();
        var listed = await api.Client.GetAsync(tests).OkAsync();
        Assert.Equal("stopped running", string.Join(' ', listed.EnumerateArray().Select(t => t.GetProperty("status").GetString())));
        using var unknown = await api.Client.PostAsync($"{tests}/99/start", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_csv_has_a_row_per_day_source_and_variant_and_quotes_what_visitors_typed()
    {
        var org = await api.OpenHotelAsync();
        using var guest = api.App.NewClient();
        var visit = await Visitors.StartIdAsync(guest, org, source: "=HYPERLINK(\"x\")", campaign: "spring, 2027");
        await Visitors.StepsAsync(guest, org, visit, "viewed");
        await Visitors.BookAsync(guest, org, visit);
        await Visitors.ReportWhenAsync(api.Client, org, r => r.GetProperty("bookings").GetInt32() == 1);

        using var response = await api.Client.GetAsync($"{Visitors.Hotel(org)}/funnel.csv?from={ApiFixture.Day(-1)}&to={ApiFixture.Day(1)}");
        var csv = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"hotel-funnel-{ApiFixture.Day(-1)}-to-{ApiFixture.Day(1)}.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("day,source,medium,campaign,test,variant,sessions,viewed,searched,sawPrices,choseRoom,held,confirmed,abandoned,revenue,currency", lines[0]);
        Assert.Equal($"{ApiFixture.Day(0)},\"'=HYPERLINK(\"\"x\"\")\",\"email\",\"spring, 2027\",,,1,1,1,1,1,1,1,0,200.00,EUR", Assert.Single(lines[1..]));
    }

    public static TheoryData<string, string> BadRanges => new()
    {
        { "", "from" },
        { "?from=2026-01-01", "to" },
        { "?from=2026-12-10&to=2026-12-01", "to" },
        { "?from=2026-01-01&to=2027-01-02", "to" },
        { "?from=01/12/2026&to=2026-12-31", "from" },
    };

    [Theory]
    [MemberData(nameof(BadRanges))]
    public async Task A_bad_range_is_refused_by_the_report_and_the_csv_alike(string query, string field)
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        foreach (var path in new[] { "funnel", "funnel.csv" })
        {
            using var response = await api.Client.GetAsync($"{Visitors.Hotel(org)}/{path}{query}");
            var problem = await response.ReadAsync();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }

        // 366 days, both ends included, is the most one report covers.
        await api.Client.GetAsync($"{Visitors.Hotel(org)}/funnel?from=2026-01-01&to=2027-01-01").OkAsync();
    }

    [Fact]
    public async Task Staff_may_not_read_the_funnel_or_the_tests_and_only_an_owner_forgets_visits()
    {
        var org = await api.OpenHotelAsync();
        var staff = $"staff-{Guid.NewGuid():N}@example.com";
        var manager = $"manager-{Guid.NewGuid():N}@example.com";
        foreach (var (email, role) in new[] { (staff, "Staff"), (manager, "Manager") })
        {
            var invitation = await api.Client.PostAsync($"/api/orgs/{org}/invitations", new { email, role }).OkAsync();
            using var anyone = api.App.NewClient();
            await anyone.PostAsync($"/api/invitations/{invitation.GetProperty("token").GetString()}/accept", new { name = role, password = ApiFixture.Password }).OkAsync();
        }

        using var asStaff = api.ClientFor(await api.SignInAsync(staff));
        using var asManager = api.ClientFor(await api.SignInAsync(manager));
        var range = $"?from={ApiFixture.Day(0)}&to={ApiFixture.Day(0)}";
        Assert.Equal(HttpStatusCode.Forbidden, (await asStaff.GetAsync($"{Visitors.Hotel(org)}/funnel{range}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await asStaff.GetAsync($"{Visitors.Hotel(org)}/ab-tests")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await asManager.GetAsync($"{Visitors.Hotel(org)}/funnel{range}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await asManager.DeleteAsync($"{Visitors.Hotel(org)}/visits")).StatusCode);
    }

    private static string Line(JsonElement element, params string[] fields) =>
        string.Join(' ', fields.Select(f => element.GetProperty(f) is var v && v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()));

    // Φ by Simpson's rule over [0, x]: independent of the erfc fit the server uses.
    private static double NormalCdf(double x)
    {
        const int Steps = 2000;
        var h = x / Steps;
        var sum = 0.0;
        for (var i = 0; i <= Steps; i++)
        {
            var weight = i == 0 || i == Steps ? 1 : i % 2 == 1 ? 4 : 2;
            sum += weight * Math.Exp(-(i * h) * (i * h) / 2);
        }

        return 0.5 + (sum * h / 3 / Math.Sqrt(2 * Math.PI));
    }
}
