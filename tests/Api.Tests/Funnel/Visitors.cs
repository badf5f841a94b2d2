using System.Text.Json;
using Actors.Persistence.Testing;

namespace Actors.Api.Tests.Funnel;

/// <summary>What the booking page sends for a guest who agreed to count the visit, and the manager's report.</summary>
public static class Visitors
{
    public static string Hotel(string org) => $"/api/orgs/{org}/properties/hotel";

    public static async Task<JsonElement> StartAsync(HttpClient client, string org, string? source = null, string? campaign = null, string property = "hotel", string[]? steps = null) =>
        await client.PostAsync($"/api/orgs/{org}/properties/{property}/visits", new
        {
            steps,
            landingPage = $"/book/{org}/{property}",
            referrer = "https://www.example.org/",
            utmSource = source,
            utmMedium = source is null ? null : "email",
            utmCampaign = campaign,
        }).OkAsync();

    public static async Task<string> StartIdAsync(HttpClient client, string org, string? source = null, string? campaign = null, string[]? steps = null) =>
        (await StartAsync(client, org, source, campaign, steps: steps)).GetProperty("visitId").GetString()!;

    /// <summary>Searches a month ahead, naming the visit in the Visit-Id header as the booking page does once its visit started.</summary>
    public static async Task<JsonElement> SearchAsync(HttpClient client, string org, string? visit, int guests = 2)
    {
        var checkIn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Hotel(org)}/availability?checkIn={checkIn:yyyy-MM-dd}&checkOut={checkIn.AddDays(2):yyyy-MM-dd}&guests={guests}");
        request.Headers.Add("Visit-Id", visit);
        return await client.SendAsync(request).OkAsync();
    }

    /// <summary>Reports steps together, as the page does after a burst (a search and its prices).</summary>
    public static async Task BatchAsync(HttpClient client, string org, string visit, params string[] steps)
    {
        using var response = await client.PostAsync($"{Hotel(org)}/visits/{visit}/steps", new { steps });
        if ((int)response.StatusCode != 202)
        {
            throw new HttpRequestException($"{string.Join(", ", steps)}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public static async Task StepsAsync(HttpClient client, string org, string visit, params string[] steps)
    {
        foreach (var step in steps)
        {
            using var response = await client.PostAsync($"{Hotel(org)}/visits/{visit}/steps", new { step });
            if ((int)response.StatusCode != 202)
            {
                throw new HttpRequestException($"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    /// <summary>Holds a double for nights 10 to 12 (200 in all) in the visit, and confirms it when asked.</summary>
    public static async Task<string> BookAsync(HttpClient client, string org, string? visit, bool confirm = true, string room = "d1")
    {
        var held = await client.PostAsync($"/api/orgs/{org}/bookings", new
        {
            propertyId = "hotel",
            roomId = room,
            checkIn = ApiFixture.Day(10),
            checkOut = ApiFixture.Day(12),
            guest = new { name = "Ann", email = "ann@example.com" },
            visitId = visit,
        }).OkAsync();
        var id = held.GetProperty("id").GetString()!;
        if (confirm)
        {
            // As the page does: through the guest's private link (confirming at the desk needs a manager).
            await client.PostAsync($"/api/guest/bookings/{Uri.EscapeDataString(held.GetProperty("guestToken").GetString()!)}/confirm", null).OkAsync();
        }

        return id;
    }

    public static Task<JsonElement> ReportAsync(HttpClient client, string org) =>
        client.GetAsync($"{Hotel(org)}/funnel?from={ApiFixture.Day(-1)}&to={ApiFixture.Day(1)}").OkAsync();

    /// <summary>Reads the report until it shows what the test waits for (steps are recorded one way, in the background).</summary>
    public static Task<JsonElement> ReportWhenAsync(HttpClient client, string org, Func<JsonElement, bool> done) =>
        Eventually.Until(() => ReportAsync(client, org), done);

    public static int Step(JsonElement report, string step) =>
        report.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == step).GetProperty("visits").GetInt32();

    /// <summary>The steps' counts in order: viewed, searched, saw-prices, chose-room, held, confirmed.</summary>
    public static string Steps(JsonElement report) =>
        string.Join(' ', report.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("visits").GetInt32()));
}
