using System.Collections.Concurrent;
using Actors.Api.Boards;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace Actors.Api.Tests;

public sealed class BoardHubTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_board_that_was_away_while_five_bookings_were_made_gets_exactly_those_five_in_order_when_it_resumes()
    {
        var org = await api.OpenHotelAsync(doubles: 5, suites: 0);
        var start = await SequenceAsync(org);
        long lastSeen;
        await using (var board = await BoardClient.ConnectAsync(api.App, api.OwnerToken))
        {
            var before = await HoldAsync(org, "d1", 1, 2, "Before");
            var seen = await board.FollowUntilAsync(org, start, r => r.Any(e => BookingId(e) == before));
            lastSeen = seen[^1].Sequence;
        }

        var whileAway = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            whileAway.Add(await HoldAsync(org, $"d{i}", 3, 5, $"Guest {i}"));
        }

        await using var back = await BoardClient.ConnectAsync(api.App, api.OwnerToken);
        var after = await HoldAsync(org, "d1", 6, 7, "After");
        var resumed = await back.FollowUntilAsync(org, lastSeen, r => r.Any(e => BookingId(e) == after));

        // The five, in the order they were made, then straight on to the first live one: nothing else, nothing twice.
        Assert.Equal(whileAway, resumed.Take(5).Select(BookingId));
        Assert.All(resumed.Take(5), e => Assert.Equal("BookingHeld", e.Type));
        Assert.Equal(after, BookingId(resumed[5]));
        Assert.Equal(Enumerable.Range(1, 6).Select(i => lastSeen + i), resumed.Select(e => e.Sequence));
    }

    [Fact]
    public async Task A_board_client_receives_every_event_of_a_thousand_concurrent_bookings_in_sequence_order_without_duplicates()
    {
        const int Rooms = 50;
        const int Bookings = 1_000;
        var org = await api.OpenHotelAsync(doubles: Rooms, suites: 0);
        var start = await SequenceAsync(org);
        await using var board = await BoardClient.ConnectAsync(api.App, api.OwnerToken);
        var following = board.FollowUntilAsync(org, start, r => r.Count(e => e.Type == "BookingHeld") >= Bookings, TimeSpan.FromMinutes(5));

        // Twenty stays per room, three days apart, so every booking succeeds and they race only for the log.
        var made = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Bookings), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        {
            var from = 1 + (i / Rooms * 3);
            made.Add(await HoldAsync(org, $"d{(i % Rooms) + 1}", from, from + 2, $"Guest {i}"));
        });
        var received = await following;

        Assert.Equal(Enumerable.Range(1, received.Count).Select(i => start + i), received.Select(e => e.Sequence));
        Assert.Equal(made.Order(), received.Where(e => e.Type == "BookingHeld").Select(BookingId).Order());
        var logged = await api.Database.ScalarAsync<long>(
            "SELECT count(*) FROM event_log WHERE stream_key = $1 AND sequence > $2", $"{org}/hotel", start);
        Assert.Equal(logged, received.Count);
    }

    [Fact]
    public async Task A_board_resuming_after_a_sequence_the_log_never_reached_is_refused_and_follows_again_from_a_fresh_snapshot()
    {
        var org = await api.OpenHotelAsync(doubles: 2, suites: 0);
        await HoldAsync(org, "d1", 1, 2, "Before");
        var end = await SequenceAsync(org);
        await using var board = await BoardClient.ConnectAsync(api.App, api.OwnerToken);

        // A cursor from another life of the log (a restart in memory, a restored database): catching up would find nothing.
        var refused = await Assert.ThrowsAsync<HubException>(() => board.FollowAsync(org, end + 12));
        Assert.Contains("ahead-of-log", refused.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, board.State);

        // The page loads its snapshot again and follows from the sequence that came with it: new changes reach it.
        var snapshot = await SequenceAsync(org);
        var next = await HoldAsync(org, "d2", 1, 2, "After");
        var seen = await board.FollowUntilAsync(org, snapshot, r => r.Any(e => BookingId(e) == next));
        Assert.Equal(end, snapshot);
        Assert.Equal([end + 1], seen.Select(e => e.Sequence));
    }

    private async Task<long> SequenceAsync(string org) =>
        (await api.Client.GetAsync($"/api/orgs/{org}/properties/hotel/board").OkAsync()).GetProperty("sequence").GetInt64();

    private async Task<string> HoldAsync(string org, string room, int from, int to, string guest) =>
        (await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay(room, from, to, guest)).OkAsync()).GetProperty("id").GetString()!;

    private static string BookingId(BoardEvent change) =>
        change.Data.TryGetProperty("bookingId", out var id) ? id.GetString()! : "";
}
