using System.Net;
using System.Text.Json;
using Actors.Persistence.Testing;
using Xunit;

namespace Actors.Api.Tests;

/// <summary>An app whose operator endpoints are on, with a known key.</summary>
public sealed class OperatorApi : ApiFixture
{
    public const string Key = "operator key for the tests";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Operations:Key"] = Key };
}

/// <summary>
/// An event the figures consumer cannot apply (here a corrupt one, written behind the platform's
/// back) goes to the dead-letter table; later events still arrive; readiness reports the count;
/// an operator replays it after repairing it, and it is applied once.
/// </summary>
public sealed class DeadLetterApiTests(OperatorApi api) : IClassFixture<OperatorApi>
{
    [Fact]
    public async Task A_corrupt_event_waits_in_the_dead_letters_until_an_operator_replays_it_once_repaired()
    {
        var org = await api.OpenHotelAsync(doubles: 2, suites: 0);
        using var operatorClient = api.App.NewClient();
        operatorClient.DefaultRequestHeaders.Add("X-Operator-Key", OperatorApi.Key);

        var corrupt = await api.Database.ScalarAsync<long>("""
            WITH s AS (UPDATE event_streams SET last_sequence = last_sequence + 1
                       WHERE stream_namespace = 'property' AND stream_key = $1 RETURNING last_sequence)
            INSERT INTO event_log (stream_namespace, stream_key, sequence, event_type, payload, grain_type, grain_key)
            SELECT 'property', $1, s.last_sequence, 'RoomStatusChanged', '{"propertyId": "hotel", "roomId": null, "from": "Clean", "to": "OutOfOrder"}', 'room', $1 || '/d2'
            FROM s RETURNING sequence
            """, $"{org}/hotel");

        // A later change still reaches the figures.
        var booking = (await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d1", 1, 2)).OkAsync()).GetProperty("id").GetString();
        await api.Client.PostAsync($"/api/orgs/{org}/bookings/{booking}/confirm", null).OkAsync();
        var figures = $"/api/orgs/{org}/properties/hotel/figures?from={ApiFixture.Day(1)}&to={ApiFixture.Day(2)}";
        await Eventually.Until(async () => Night(await api.Client.GetAsync(figures).OkAsync()), n => n.GetProperty("roomsSold").GetInt32() == 1);

        var letters = (await operatorClient.GetAsync("/operations/dead-letters").OkAsync()).EnumerateArray().ToArray();
        var letter = Assert.Single(letters);
        Assert.Equal($"property-figures/{org}/hotel", letter.GetProperty("consumer").GetString());
        Assert.Equal(corrupt, letter.GetProperty("sequence").GetInt64());
        Assert.Contains("ArgumentNullException", letter.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, (await api.Client.GetAsync("/health/ready").OkAsync()).GetProperty("deadLetters").GetInt64());
        var id = letter.GetProperty("id").GetInt64();

        // Replayed before the repair: it still fails, and stays waiting.
        using (var stillFailing = await operatorClient.PostAsync($"/operations/dead-letters/{id}/replay", null))
        {
            Assert.Equal(HttpStatusCode.Conflict, stillFailing.StatusCode);
        }

        await api.Database.ExecuteAsync(
            """UPDATE event_log SET payload = '{"propertyId": "hotel", "roomId": "d2", "from": "Clean", "to": "OutOfOrder"}' WHERE stream_key = $1 AND sequence = $2""",
            $"{org}/hotel", corrupt);
        var replayed = await operatorClient.PostAsync($"/operations/dead-letters/{id}/replay", null).OkAsync();
        Assert.Equal("applied", replayed.GetProperty("outcome").GetString());
        var again = await operatorClient.PostAsync($"/operations/dead-letters/{id}/replay", null).OkAsync();
        Assert.Equal("already-applied", again.GetProperty("outcome").GetString());

        var night = Night(await api.Client.GetAsync(figures).OkAsync());
        Assert.Equal(1, night.GetProperty("outOfOrder").GetInt32());
        Assert.Equal(1, night.GetProperty("roomsSold").GetInt32());
        Assert.Empty((await operatorClient.GetAsync("/operations/dead-letters").OkAsync()).EnumerateArray());
        Assert.Equal(0, (await api.Client.GetAsync("/health/ready").OkAsync()).GetProperty("deadLetters").GetInt64());
    }

    [Fact]
    public async Task Operator_endpoints_refuse_a_missing_or_wrong_key_and_an_unknown_letter()
    {
        using var anonymous = api.App.NewClient();
        using var missing = await anonymous.GetAsync("/operations/dead-letters");
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(ApiFixture.Problems + "operator-key", (await missing.ReadAsync()).ProblemType());

        anonymous.DefaultRequestHeaders.Add("X-Operator-Key", OperatorApi.Key + "x");
        using var wrong = await anonymous.PostAsync("/operations/dead-letters/replay", null);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        using var operatorClient = api.App.NewClient();
        operatorClient.DefaultRequestHeaders.Add("X-Operator-Key", OperatorApi.Key);
        using var unknown = await operatorClient.PostAsync("/operations/dead-letters/999999/replay", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static JsonElement Night(JsonElement figures) => figures.GetProperty("nights")[0];
}
