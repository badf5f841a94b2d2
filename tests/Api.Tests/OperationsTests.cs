using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Actors.Persistence.Testing;
using Xunit;

namespace Actors.Api.Tests;

/// <summary>
/// What an operator runs the product with: metrics Prometheus can scrape, trace ids that lead from a
/// problem to its log lines, the cluster dashboard for operators only, and the API reference.
/// </summary>
[Collection(AloneInProcess.Name)]
public sealed partial class OperationsTests(OperationsApi api) : IClassFixture<OperationsApi>
{
    [Fact]
    public async Task Metrics_after_a_booking_show_the_bookings_the_grains_and_the_database()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var booking = (await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d1", 1, 3)).OkAsync()).GetProperty("id").GetString();
        await api.Client.PostAsync($"/api/orgs/{org}/bookings/{booking}/confirm", null).OkAsync();
        using var prometheus = api.OperatorClient();

        // Some figures are recorded after the client has its answer (see below), so they may show in a later scrape.
        var metrics = await Eventually.Until(
            () => prometheus.GetStringAsync("/metrics"),
            // ASP.NET Core records a request's duration once its response is complete, which may be after the client read it.
            text => Value(text, "bookings_held_total") >= 1 && Value(text, "bookings_confirmed_total") >= 1
                && Value(text, "http_server_request_duration_seconds_count", "http_route=\"/api/orgs/{org}/bookings/\"", "http_response_status_code=\"201\"") >= 1
                && Value(text, "http_server_request_duration_seconds_count", "http_route=\"/api/orgs/{org}/bookings/{booking}/confirm\"") >= 1
                // Orleans reports its activation counts as observed gauges: the booking's may show in a later scrape.
                && Regex.IsMatch(text, @"orleans_catalog_activations\{[^}]*grain_type=""booking""[^}]*\} [1-9]"));

        // Requests per route with status and latency (a histogram), from ASP.NET Core's own meter.
        Assert.True(Value(metrics, "http_server_request_duration_seconds_bucket", "http_route=\"/api/orgs/{org}/bookings/{booking}/confirm\"", "le=\"+Inf\"") >= 1, "no latency for confirm");
        // Grains: Orleans counts activations by grain type, and the calls it served.
        Assert.Matches(@"orleans_catalog_activations\{[^}]*grain_type=""booking""[^}]*\} [1-9]", metrics);
        Assert.True(Value(metrics, "orleans_app_requests_latency_milliseconds_count") >= 1, "no grain calls counted");
        // PostgreSQL: Npgsql times every command.
        Assert.True(Value(metrics, "db_client_operation_duration_seconds_count") >= 1, "no database commands counted");
        // Boards and dead letters are reported even when nothing happened to them yet.
        // OpenTelemetry reads every meter of these names in the process, and the test process runs other
        // hosts whose boards may be open: the value is not this host's alone, so only its presence is asked.
        Assert.Matches(@"(?m)^boards_connections\{[^}]*\} \d+$", metrics);
        Assert.Matches(@"(?m)^dead_letters_waiting\{[^}]*\} \d+$", metrics);
    }

    [Fact]
    public async Task Metrics_answer_the_operator_only()
    {
        using var anonymous = api.App.NewClient();
        using (var refused = await anonymous.GetAsync("/metrics"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("Basic", refused.Headers.WwwAuthenticate.Single().Scheme);
        }

        using var owner = api.ClientFor(api.OwnerToken);
        using (var refused = await owner.GetAsync("/metrics"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal(ApiFixture.Problems + "operator-key", (await refused.ReadAsync()).ProblemType());
        }

        using var scripted = api.App.NewClient();
        scripted.DefaultRequestHeaders.Add("X-Operator-Key", OperationsApi.Key);
        Assert.Contains("# TYPE", await scripted.GetStringAsync("/metrics"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_trace_id_of_a_problem_leads_to_the_log_lines_of_its_request()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        using var response = await api.Client.GetAsync($"/api/orgs/{org}/bookings/no-such-booking");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var traceparent = (await response.ReadAsync()).GetProperty("traceId").GetString()!;

        // The problem shows the W3C trace context ("00-{trace id}-{span id}-01"); the log lines carry its trace id.
        var traceId = TraceContext().Match(traceparent).Groups["trace"].Value;
        Assert.Matches("^[0-9a-f]{32}$", traceId);
        var lines = await Eventually.Until(
            () => Task.FromResult(api.Logs.Lines.Where(line => line.TraceId == traceId).ToList()),
            found => found.Any(line => line.Message.Contains("404", StringComparison.Ordinal)));
        Assert.All(lines, line => Assert.Equal(traceId, line.TraceId));
        Assert.Contains(lines, line => line.Message.Contains($"/api/orgs/{org}/bookings/no-such-booking", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_dashboard_answers_an_operator_and_refuses_an_organization_owner()
    {
        using var operatorClient = api.OperatorClient();
        using (var page = await operatorClient.GetAsync("/dashboard/"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        }

        var cluster = await operatorClient.GetAsync("/dashboard/ClusterStats").OkAsync();
        Assert.NotEmpty(cluster.EnumerateObject());
        var counters = await operatorClient.GetAsync("/dashboard/DashboardCounters").OkAsync();
        Assert.True(counters.GetProperty("totalActiveHostCount").GetInt32() >= 1, counters.ToString());

        using var owner = api.ClientFor(api.OwnerToken);
        foreach (var path in new[] { "/dashboard/", "/dashboard/DashboardCounters", "/dashboard/ClusterStats" })
        {
            using var refused = await owner.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var wrongKey = api.App.NewClient();
        wrongKey.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String("ops:guess"u8.ToArray()));
        using (var refused = await wrongKey.GetAsync("/dashboard/DashboardCounters"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
    }

    [Fact]
    public async Task The_api_reference_is_served_at_docs_with_the_bearer_scheme_and_examples()
    {
        using var anonymous = api.App.NewClient();
        using var page = await anonymous.GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        // The page's scripts come from this node (no CDN), and its inline start-up is allowed by its own policy.
        var scripts = ScriptSource().Matches(html);
        Assert.NotEmpty(scripts);
        foreach (Match script in scripts)
        {
            using var served = await anonymous.GetAsync(new Uri(page.RequestMessage!.RequestUri!, script.Groups["src"].Value));
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        }

        Assert.Contains("script-src 'self' 'unsafe-inline'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var document = await anonymous.GetAsync("/openapi/v1.json").OkAsync();
        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        var paths = document.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/orgs/{org}/bookings/{booking}").GetProperty("get").TryGetProperty("security", out _));
        Assert.False(paths.GetProperty("/api/sign-in").GetProperty("post").TryGetProperty("security", out _));
        Assert.Contains("\"checkIn\": \"2026-07-01\"", document.GetProperty("components").GetProperty("schemas").GetProperty("CreateBookingRequest").ToString(), StringComparison.Ordinal);
        // Operators' pages are not API operations.
        Assert.DoesNotContain(paths.EnumerateObject(), path => path.Name.StartsWith("/dashboard", StringComparison.Ordinal) || path.Name is "/metrics" or "/docs");
    }

    /// <summary>The sum of a metric's samples whose labels include every one of <paramref name="labels"/> (written as name="value").</summary>
    private static double Value(string metrics, string name, params string[] labels)
    {
        var total = 0d;
        // Greedy up to the last "} ": label values hold braces themselves (http_route="/api/orgs/{org}/...").
        foreach (Match line in Regex.Matches(metrics, $@"^{Regex.Escape(name)}(\{{(?<labels>.*)\}})? (?<value>\S+)$", RegexOptions.Multiline))
        {
            var present = line.Groups["labels"].Value.Split(',');
            if (labels.All(present.Contains))
            {
                total += double.Parse(line.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return total;
    }

    [GeneratedRegex("^00-(?<trace>[0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$")]
    private static partial Regex TraceContext();

    [GeneratedRegex("<script[^>]+src=\"(?<src>[^\"]+)\"")]
    private static partial Regex ScriptSource();
}
