using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Actors.Benchmarks.Harness;

/// <summary>
/// The one load generator for both designs: the same REST calls, bodies and headers against the
/// platform's API or the baseline's, so any difference is on the server's side.
/// </summary>
public sealed class BookingSite : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient http;

    // What guests do (search, count their visit) they do without signing in, as on the booking page.
    private readonly HttpClient guest;

    public BookingSite(Uri address)
    {
        Address = address;
        // One pool per site, no limit per server: 32 callers keep 32 connections, as 32 browsers would.
        var connections = new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) };
        http = new HttpClient(connections) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        guest = new HttpClient(connections, disposeHandler: false) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    /// <summary>Today in UTC, the time zone of every benchmark property.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The owner's bearer token on the platform (null on the baseline, which has no accounts).</summary>
    public string? AccessToken { get; private set; }

    /// <summary>
    /// Opens organization <paramref name="org"/> (premium plan) unless it exists. On the platform that
    /// is a sign-up, and the owner's token is sent from then on; the baseline has no accounts, so its
    /// (absent) sign-up answers 404 and the organization is opened directly.
    /// </summary>
    public async Task OpenOrganizationAsync(string org, CancellationToken cancellationToken)
    {
        var owner = new { email = $"owner@{org}.example", password = "bench-owner-password" };
        using var signUp = await http.PostAsJsonAsync(
            new Uri("/api/signup", UriKind.Relative),
            new { organizationId = org, organizationName = "Bench Hotels", plan = "Premium", owner.email, name = "Bench Owner", owner.password },
            Json,
            cancellationToken);
        if (signUp.StatusCode == HttpStatusCode.NotFound)
        {
            await SendAsync(HttpMethod.Post, "/api/orgs", new { id = org, name = "Bench Hotels", plan = "Premium" }, null, cancellationToken, HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict);
            return;
        }

        using var signedIn = signUp.StatusCode == HttpStatusCode.Conflict
            ? await http.PostAsJsonAsync(new Uri("/api/sign-in", UriKind.Relative), owner, Json, cancellationToken)
            : signUp;
        await EnsureAsync(signedIn, cancellationToken, HttpStatusCode.OK, HttpStatusCode.Created);
        using var body = await JsonDocument.ParseAsync(await signedIn.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        AccessToken = body.RootElement.GetProperty("token").GetString();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AccessToken);
    }

    /// <summary>
    /// Opens property <paramref name="property"/> (UTC, EUR; "double" at 100, "suite" at 250) with
    /// rooms named <paramref name="roomPrefix"/>0, 1, ...; every fourth a suite.
    /// </summary>
    public async Task OpenPropertyAsync(string org, string property, int rooms, string roomPrefix, CancellationToken cancellationToken)
    {
        await SendAsync(HttpMethod.Post, $"/api/orgs/{org}/properties", new
        {
            id = property,
            settings = new
            {
                name = "Bench Hotel " + property,
                timeZone = "UTC",
                currency = "EUR",
                checkInTime = "15:00",
                checkOutTime = "11:00",
                minimumStay = 1,
                cancellation = new { freeUntilDaysBeforeArrival = 2, lateFee = "FirstNight" },
            },
            roomTypes = new[] { new { id = "double", name = "Double", nightlyRate = 100m }, new { id = "suite", name = "Suite", nightlyRate = 250m } },
        }, null, cancellationToken, HttpStatusCode.Created, HttpStatusCode.OK);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, rooms),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, ct) => await SendAsync(
                HttpMethod.Post,
                $"/api/orgs/{org}/properties/{property}/rooms",
                new { id = $"{roomPrefix}{i}", name = $"Room {i}", roomType = i % 4 == 0 ? "suite" : "double" },
                null,
                ct,
                HttpStatusCode.Created,
                HttpStatusCode.OK));
    }

    /// <summary>Holds a room for the nights [checkIn, checkIn + nights) and returns the HTTP status.</summary>
    public async Task<HttpStatusCode> BookAsync(string org, string property, string room, DateOnly checkIn, int nights, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(BookingRequest(org, property, room, checkIn, nights, idempotencyKey), HttpCompletionOption.ResponseContentRead, cancellationToken);
        return response.StatusCode;
    }

    /// <summary>Holds a room and returns the booking id from the response (null when refused).</summary>
    public async Task<string?> BookForIdAsync(string org, string property, string room, DateOnly checkIn, int nights, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(BookingRequest(org, property, room, checkIn, nights, idempotencyKey), cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            return null;
        }

        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return body.RootElement.GetProperty("id").GetString();
    }

    /// <summary>Availability of every room type for [checkIn, checkIn + nights); returns free rooms by type.</summary>
    public Task<IReadOnlyDictionary<string, int>> SearchAsync(string org, string property, DateOnly checkIn, int nights, CancellationToken cancellationToken) =>
        SearchAsync(org, property, checkIn, nights, visit: null, cancellationToken);

    /// <summary>The same search, made in a counted visit of the booking page when <paramref name="visit"/> is given (the platform only).</summary>
    public async Task<IReadOnlyDictionary<string, int>> SearchAsync(string org, string property, DateOnly checkIn, int nights, string? visit, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/orgs/{org}/properties/{property}/availability?checkIn={Day(checkIn)}&checkOut={Day(checkIn.AddDays(nights))}", UriKind.Relative));
        if (visit is not null)
        {
            // The search counts itself in the visit, as the booking page's does once its visit started.
            request.Headers.Add("Visit-Id", visit);
        }

        using var response = await guest.SendAsync(request, cancellationToken);
        await EnsureAsync(response, cancellationToken, HttpStatusCode.OK);
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return body.RootElement.GetProperty("roomTypes").EnumerateArray()
            .ToDictionary(t => t.GetProperty("roomType").GetString()!, t => t.GetProperty("freeRooms").GetInt32());
    }

    /// <summary>Starts a counted visit to the booking page with the steps it reached so far (the platform only) and returns its id.</summary>
    public async Task<string> StartVisitAsync(string org, string property, string source, string[] steps, CancellationToken cancellationToken)
    {
        using var response = await guest.PostAsJsonAsync(
            new Uri($"/api/orgs/{org}/properties/{property}/visits", UriKind.Relative),
            new { steps, landingPage = $"/book/{org}/{property}", utmSource = source, utmMedium = "cpc", utmCampaign = "bench" },
            Json,
            cancellationToken);
        await EnsureAsync(response, cancellationToken, HttpStatusCode.Created);
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return body.RootElement.GetProperty("visitId").GetString()!;
    }

    /// <summary>GET and read the whole body: the cheapest realistic call, for latency through the nodes.</summary>
    public async Task GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        await EnsureAsync(response, cancellationToken, HttpStatusCode.OK);
    }

    public void Dispose()
    {
        guest.Dispose();
        http.Dispose();
    }

    private static HttpRequestMessage BookingRequest(string org, string property, string room, DateOnly checkIn, int nights, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/orgs/{org}/bookings", UriKind.Relative))
        {
            Content = JsonContent.Create(
                new StayRequestBody(property, room, Day(checkIn), Day(checkIn.AddDays(nights)), new GuestBody("Bench Guest", "guest@example.com")),
                options: Json),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }

    private async Task SendAsync(HttpMethod method, string path, object body, string? idempotencyKey, CancellationToken cancellationToken, params HttpStatusCode[] expected)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body, options: Json) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureAsync(response, cancellationToken, expected);
    }

    private async Task EnsureAsync(HttpResponseMessage response, CancellationToken cancellationToken, params HttpStatusCode[] expected)
    {
        if (!expected.Contains(response.StatusCode))
        {
            throw new HttpRequestException(
                $"{response.RequestMessage?.Method} {Address}{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    private sealed record StayRequestBody(string PropertyId, string RoomId, string CheckIn, string CheckOut, GuestBody Guest);

    private sealed record GuestBody(string Name, string Email);
}
