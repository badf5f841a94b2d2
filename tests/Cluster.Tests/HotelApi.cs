using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Actors.Cluster.Tests;

/// <summary>The few API calls the process tests make: open a hotel with its owner, and plain GET and POST as that owner.</summary>
internal static class HotelApi
{
    /// <summary>Signs up organization <paramref name="org"/>, opens property "hotel" (UTC, EUR, doubles at 100) with rooms r0.. and returns the owner's token.</summary>
    public static async Task<string> OpenHotelAsync(HttpClient http, Uri node, string org, int rooms)
    {
        var signedIn = await PostAsync(http, node, "/api/signup", new
        {
            organizationId = org,
            organizationName = "Hotels " + org,
            plan = "Premium",
            email = $"owner@{org}.example",
            name = "Owner",
            password = "cluster owner password",
        }, token: null);
        var token = signedIn.GetProperty("token").GetString()!;
        await PostAsync(http, node, $"/api/orgs/{org}/properties", new
        {
            id = "hotel",
            settings = new
            {
                name = "Hotel",
                timeZone = "UTC",
                currency = "EUR",
                checkInTime = "15:00",
                checkOutTime = "11:00",
                minimumStay = 1,
                cancellation = new { freeUntilDaysBeforeArrival = 2, lateFee = "FirstNight" },
            },
            roomTypes = new[] { new { id = "double", name = "Double", nightlyRate = 100m } },
        }, token);
        for (var room = 0; room < rooms; room++)
        {
            await PostAsync(http, node, $"/api/orgs/{org}/properties/hotel/rooms", new { id = $"r{room}", name = $"Room {room}", roomType = "double" }, token);
        }

        return token;
    }

    public static async Task<JsonElement> GetAsync(HttpClient http, Uri node, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(node, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> PostAsync(HttpClient http, Uri node, string path, object? body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(node, path)) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
