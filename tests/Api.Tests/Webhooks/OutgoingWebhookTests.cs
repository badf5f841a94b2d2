using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Actors.Persistence.Testing;
using Xunit;

namespace Actors.Api.Tests.Webhooks;

/// <summary>The app with webhooks allowed to a local receiver and retried quickly: three tries, 0.2 s then 0.4 s apart.</summary>
public sealed class QuickWebhooksApi : ApiFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Webhooks:AllowPrivateNetworks"] = "true",
        ["Webhooks:RetryDelays:0"] = "00:00:00.200",
        ["Webhooks:RetryDelays:1"] = "00:00:00.400",
    };
}

/// <summary>
/// An owner registers an endpoint; a booking's events reach it signed as the README says; an endpoint
/// that answers 500 gets the retries, then the delivery waits as a dead letter until the owner replays
/// it, and it arrives once.
/// </summary>
public sealed class OutgoingWebhookTests(QuickWebhooksApi api) : IClassFixture<QuickWebhooksApi>
{
    [Fact]
    public async Task A_booking_event_arrives_signed_is_retried_after_a_500_and_is_replayed_once_from_the_dead_letters()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var created = await api.Client.PostAsync($"/api/orgs/{org}/webhooks", new { url = receiver.Url, events = new[] { "BookingHeld", "BookingConfirmed" }, description = "channel manager" }).OkAsync();
        var endpoint = created.GetProperty("endpoint").GetProperty("id").GetString();
        var secret = created.GetProperty("secret").GetString()!;

        var booking = (await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d1", 3, 5)).OkAsync()).GetProperty("id").GetString();
        var held = await Eventually.Until(() => Task.FromResult(receiver.Received.ToArray()), r => r.Length >= 1);
        var first = Assert.Single(held);
        Assert.Equal("BookingHeld", first.Type);
        Assert.True(Verify(secret, first.Signature, first.Body), $"signature {first.Signature} does not verify");
        using (var body = JsonDocument.Parse(first.Body))
        {
            Assert.Equal(first.Id, body.RootElement.GetProperty("id").GetString());
            Assert.Equal(booking, body.RootElement.GetProperty("data").GetProperty("bookingId").GetString());
            Assert.Equal(org, body.RootElement.GetProperty("organization").GetString());
        }

        // The endpoint fails: three tries, then a dead letter with the last error.
        receiver.Answer = HttpStatusCode.InternalServerError;
        await api.Client.PostAsync($"/api/orgs/{org}/bookings/{booking}/confirm", null).OkAsync();
        var deadLetters = await Eventually.Until(
            async () => (await api.Client.GetAsync($"/api/orgs/{org}/webhooks/{endpoint}/dead-letters").OkAsync()).EnumerateArray().ToArray(),
            d => d.Length == 1);
        var dead = deadLetters[0];
        Assert.Equal("BookingConfirmed", dead.GetProperty("type").GetString());
        Assert.Equal(3, dead.GetProperty("attempts").GetInt32());
        Assert.Contains("500", dead.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        var confirmedId = dead.GetProperty("id").GetString()!;
        Assert.Equal([1, 2, 3], receiver.Received.Where(r => r.Id == confirmedId).Select(r => r.Attempt));

        // Fixed and replayed: delivered once more, and only once.
        receiver.Answer = HttpStatusCode.OK;
        using (var replay = await api.Client.PostAsync($"/api/orgs/{org}/webhooks/{endpoint}/dead-letters/{Uri.EscapeDataString(confirmedId)}/replay", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        }

        await Eventually.Until(() => Task.FromResult(receiver.Received.Count(r => r.Id == confirmedId && r.AnsweredWith == HttpStatusCode.OK)), n => n >= 1);
        await Task.Delay(1_000);
        Assert.Equal(1, receiver.Received.Count(r => r.Id == confirmedId && r.AnsweredWith == HttpStatusCode.OK));
        Assert.Empty((await api.Client.GetAsync($"/api/orgs/{org}/webhooks/{endpoint}/dead-letters").OkAsync()).EnumerateArray());
        using var again = await api.Client.PostAsync($"/api/orgs/{org}/webhooks/{endpoint}/dead-letters/{Uri.EscapeDataString(confirmedId)}/replay", null);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Theory]
    [InlineData("""{"events": ["BookingHeld"]}""", "url")]
    [InlineData("""{"url": "ftp://example.com/hook", "events": ["BookingHeld"]}""", "url")]
    [InlineData("""{"url": "https://user:pw@example.com/hook", "events": ["BookingHeld"]}""", "url")]
    [InlineData("""{"url": "https://example.com/hook", "events": []}""", "events")]
    [InlineData("""{"url": "https://example.com/hook", "events": ["BookingExploded"]}""", "events")]
    [InlineData("""{"url": "https://example.com/hook", "events": ["*"], "description": "a\u0000b"}""", "description")]
    public async Task A_bad_endpoint_is_a_validation_problem_naming_the_field_and_nothing_is_registered(string body, string field)
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        using var response = await api.Client.SendRawAsync(HttpMethod.Post, $"/api/orgs/{org}/webhooks", body);
        var problem = await response.ReadAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Empty((await api.Client.GetAsync($"/api/orgs/{org}/webhooks").OkAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Another_organizations_endpoints_are_out_of_reach_and_an_unknown_endpoint_is_not_found()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var created = await api.Client.PostAsync($"/api/orgs/{org}/webhooks", new { url = "https://example.com/hook", events = new[] { "*" } }).OkAsync();
        var endpoint = created.GetProperty("endpoint").GetProperty("id").GetString();

        using var stranger = api.ClientFor(await ApiFixture.SignUpAsync(api.App.NewClient(), "other-" + Guid.NewGuid().ToString("N")[..8], $"o-{Guid.NewGuid():N}@example.com"));
        using (var foreign = await stranger.DeleteAsync($"/api/orgs/{org}/webhooks/{endpoint}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        }

        using var unknown = await api.Client.GetAsync($"/api/orgs/{org}/webhooks/we_nothing/dead-letters");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Single((await api.Client.GetAsync($"/api/orgs/{org}/webhooks").OkAsync()).EnumerateArray());
    }

    // The recipe of the README: t and v1 from the header, HMAC-SHA256 of "{t}.{body}" with the secret, compared in constant time.
    private static bool Verify(string secret, string header, string body)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{parts["t"]}.{body}"));
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(parts["v1"]));
    }
}
