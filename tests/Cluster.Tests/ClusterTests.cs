using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Actors.Persistence.Testing;
using Xunit.Abstractions;

namespace Actors.Cluster.Tests;

/// <summary>
/// Three silo processes and two API nodes on one PostgreSQL: many clients book (and confirm) through
/// both nodes while one silo is killed and later restarted. Nothing is double-booked, lost or left
/// hanging, and no consumer of the event stream misses an event: the board on the other node gets
/// every one once, in order, and the property's figures equal the same figures computed in SQL.
/// </summary>
[Collection(ClusterProcesses.Name)]
public sealed class ClusterTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Attempts = 10_000;
    private const int Clients = 32;
    private const int Rooms = 20;
    private const string Org = "cluster-hotels";
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Ten_thousand_booking_attempts_survive_a_silo_killed_mid_run()
    {
        var silos = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => NodeProcess.StartAsync("Silo", database.ConnectionString)));
        var apis = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => NodeProcess.StartAsync(
            "Api", database.ConnectionString, new Dictionary<string, string> { ["Cluster__HostsGrains"] = "false" })));
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var token = await HotelApi.OpenHotelAsync(http, apis[0].BaseAddress, Org, Rooms);
            // Signed in on one node, following the board on the other: the nodes share the signing key.
            await using var board = await BoardWatcher.StartAsync(apis[1].BaseAddress, Org, "hotel", token);

            var created = new ConcurrentDictionary<string, byte>();
            var outcomes = new ConcurrentDictionary<string, int>();
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
            {
                var random = new Random(client);
                int attempt;
                while ((attempt = Interlocked.Increment(ref next)) < Attempts)
                {
                    if (attempt == Attempts * 3 / 10)
                    {
                        await silos[0].KillAsync();
                    }
                    else if (attempt == Attempts * 7 / 10)
                    {
                        await silos[0].StartAsync();
                    }

                    var outcome = await AttemptAsync(http, apis[attempt % 2].BaseAddress, token, random, attempt, created);
                    outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
                    if (outcome == "503")
                    {
                        // A well-behaved client waits as Retry-After asks instead of hammering.
                        await Task.Delay(TimeSpan.FromMilliseconds(250));
                    }
                }
            })));

            var summary = string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}: {o.Value}"));
            output.WriteLine($"{Attempts} attempts: {summary}");
            Assert.False(outcomes.ContainsKey("hung"), $"Requests hung past the timeout ({summary}).");
            // Refusals and failures are clear answers: 409 for a taken room, 503 (try again) while a silo is lost.
            Assert.True(outcomes.Keys.All(o => o is "201" or "409" or "503"), $"Unexpected answers ({summary}).");
            Assert.True(created.Count > 100, $"Too few bookings succeeded to prove anything ({summary}).");

            // No room holds two stays for one night.
            Assert.Equal(0L, await database.ScalarAsync<long>("""
                SELECT count(*) FROM stays a JOIN stays b
                ON a.room_key = b.room_key AND a.booking_id < b.booking_id AND a.nights && b.nights
                """));

            // Every booking that got a 201 is committed.
            var stored = await database.ScalarAsync<long>(
                "SELECT count(*) FROM grain_state WHERE grain_type = 'booking' AND grain_key = ANY($1)",
                (object)created.Keys.Select(id => $"{Org}/{id}").ToArray());
            Assert.Equal(created.Count, stored);

            // And reached the board client connected to the other API node.
            var seen = await Eventually.Until(
                () => Task.FromResult(board.Received
                    .Where(m => m.Type == "BookingHeld")
                    .Select(m => m.Data.GetProperty("bookingId").GetString()!)
                    .ToHashSet()),
                s => created.Keys.All(s.Contains),
                TimeSpan.FromSeconds(60));
            var missing = created.Keys.Count(id => !seen.Contains(id));
            Assert.True(missing == 0, $"{missing} of {created.Count} bookings never reached the board on the other API node.");
            var last = await database.ScalarAsync<long>(
                "SELECT last_sequence FROM event_streams WHERE stream_namespace = 'property' AND stream_key = $1", $"{Org}/hotel");
            await Eventually.Until(() => Task.FromResult(board.Received.Count), count => count >= last, TimeSpan.FromSeconds(60));
            Assert.Equal(Enumerable.Range(1, (int)last).Select(n => (long)n), board.Received.Select(m => m.Sequence));

            await FiguresMatchTheBookingsAsync(http, apis[0].BaseAddress, token, last);
        }
        finally
        {
            foreach (var node in apis.Concat(silos))
            {
                await node.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Rooms sold and room revenue per night, as the figures grain built them from the event stream,
    /// against the same figures computed in SQL from the bookings' stored state.
    /// </summary>
    private async Task FiguresMatchTheBookingsAsync(HttpClient http, Uri node, string token, long last)
    {
        var from = DateOnly.FromDateTime(DateTime.UtcNow);
        var to = from.AddDays(70);
        var figures = await Eventually.Until(
            () => HotelApi.GetAsync(http, node, $"/api/orgs/{Org}/properties/hotel/figures?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", token),
            f => f.GetProperty("sequence").GetInt64() >= last,
            TimeSpan.FromSeconds(60));
        var streamed = figures.GetProperty("nights").EnumerateArray()
            .Where(n => n.GetProperty("roomsSold").GetInt32() > 0)
            .Select(n => $"{n.GetProperty("night").GetString()} {n.GetProperty("roomsSold").GetInt32()} {n.GetProperty("roomRevenue").GetDecimal():0.00}")
            .ToList();
        var computed = await database.ScalarAsync<string>("""
            SELECT coalesce(string_agg(line, ';' ORDER BY line), '') FROM (
                SELECT to_char(n, 'YYYY-MM-DD') || ' ' || count(*) || ' ' || to_char(round(sum(total / nights), 2), 'FM999999990.00') AS line
                FROM (SELECT (payload->>'checkIn')::date AS check_in, (payload->>'checkOut')::date AS check_out,
                             (payload->>'total')::numeric AS total,
                             (payload->>'checkOut')::date - (payload->>'checkIn')::date AS nights
                      FROM grain_state
                      WHERE grain_type = 'booking' AND grain_key LIKE $1 AND payload->>'status' IN ('Confirmed', 'CheckedIn', 'CheckedOut')) b
                CROSS JOIN LATERAL generate_series(b.check_in, b.check_out - 1, interval '1 day') AS n
                WHERE n >= $2 AND n < $3
                GROUP BY n) per_night
            """, $"{Org}/%", from.ToDateTime(TimeOnly.MinValue), to.ToDateTime(TimeOnly.MinValue));
        output.WriteLine($"figures: {streamed.Count} nights sold, as of event {figures.GetProperty("sequence").GetInt64()}");
        Assert.True(streamed.Count > 10, "Too few nights sold to prove anything.");
        Assert.Equal(computed, string.Join(';', streamed.Order(StringComparer.Ordinal)));
    }

    private static async Task<string> AttemptAsync(HttpClient http, Uri node, string token, Random random, int attempt, ConcurrentDictionary<string, byte> created)
    {
        var checkIn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1 + random.Next(60));
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(node, $"/api/orgs/{Org}/bookings"))
        {
            Content = JsonContent.Create(new
            {
                propertyId = "hotel",
                roomId = $"r{random.Next(Rooms)}",
                checkIn = checkIn.ToString("yyyy-MM-dd"),
                checkOut = checkIn.AddDays(1 + random.Next(5)).ToString("yyyy-MM-dd"),
                guest = new { name = $"Guest {attempt}", email = $"guest{attempt}@example.com" },
            }),
        };
        request.Headers.Add("Idempotency-Key", $"attempt-{attempt}");
        try
        {
            using var response = await http.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var booking = await response.Content.ReadFromJsonAsync<CreatedBooking>();
                created[booking!.Id] = 0;

                // Two holds in three are confirmed (sold); a confirmation refused while a silo is lost leaves a hold.
                if (attempt % 3 != 0)
                {
                    using var confirm = new HttpRequestMessage(HttpMethod.Post, new Uri(node, $"/api/orgs/{Org}/bookings/{booking.Id}/confirm"));
                    confirm.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    using var confirmed = await http.SendAsync(confirm);
                }
            }

            return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (TaskCanceledException)
        {
            return "hung";
        }
        catch (HttpRequestException)
        {
            return "connection-error";
        }
    }

    private sealed record CreatedBooking(string Id);
}
