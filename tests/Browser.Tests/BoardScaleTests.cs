using Actors.Api.Tests;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Actors.Browser.Tests;

/// <summary>
/// A large hotel's month on one screen: 200 rooms and 2,000 bookings on a 30-night board. The time it
/// takes is measured and reported (test output and artifacts/measurements), never asserted: a shared
/// 2-core machine makes timing asserts flaky.
/// </summary>
public sealed class BoardScaleTests(BrowserFixture browsers, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const int Rooms = 200;
    private const int StaysPerRoom = 10;

    [Fact]
    public async Task A_200_room_hotel_with_2000_bookings_draws_its_30_night_board_whole()
    {
        var org = await browsers.Api.OpenHotelAsync(doubles: Rooms, suites: 0);
        var setup = System.Diagnostics.Stopwatch.StartNew();
        // Each room: two nights booked, one free, ten times over the 30 nights.
        var stays = Enumerable.Range(1, Rooms).SelectMany(room => Enumerable.Range(0, StaysPerRoom).Select(k => (Room: $"d{room}", From: 3 * k)));
        await Parallel.ForEachAsync(stays, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (stay, _) =>
        {
            var id = (await browsers.Api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay(stay.Room, stay.From, stay.From + 2, $"Guest {stay.Room}-{stay.From}")).OkAsync()).GetProperty("id").GetString();
            await browsers.Api.Client.PostAsync($"/api/orgs/{org}/bookings/{id}/confirm", null).OkAsync();
        });
        setup.Stop();

        var board = await browsers.OpenAsync($"/board?org={org}&property=hotel&nights=30", width: 1400, height: 900);
        // Chromium's own counters split the time into script, style recalculation, layout and the rest.
        var devTools = await board.Context.NewCDPSessionAsync(board);
        await devTools.SendAsync("Performance.enable");
        var before = await MetricsAsync(devTools);
        await browsers.SignInAsync(board);
        await Expect(board.Locator(".bar[data-status='Confirmed']")).ToHaveCountAsync(Rooms * StaysPerRoom, new() { Timeout = 60_000 });
        var timings = await board.EvaluateAsync<double[]>(
            """
            async () => {
              await new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)));
              const at = (name) => performance.getEntriesByName(name).at(-1).startTime;
              return [at('board:asked'), at('board:answered'), at('board:drawn'), performance.now()];
            }
            """);
        var after = await MetricsAsync(devTools);

        // Every room is taken on two nights of three: the free row says 0, then all 200 on the third.
        await Expect(board.Locator($".free[data-type='double'][data-night='{ApiFixture.Day(0)}'] .count")).ToHaveTextAsync("0");
        await Expect(board.Locator($".free[data-type='double'][data-night='{ApiFixture.Day(2)}'] .count")).ToHaveTextAsync($"{Rooms}");
        await BrowserFixture.ScreenshotAsync(board, "board-200-rooms-30-nights");
        Assert.Empty(browsers.PageErrors);

        string Spent(string metric) => $"{(after[metric] - before[metric]) * 1000:F0} ms";
        var (asked, answered, drawn, painted) = (timings[0], timings[1], timings[2], timings[3]);
        var report = $"""
            200 rooms, 2,000 bookings, 30 nights (setup through the API: {setup.Elapsed.TotalSeconds:F1} s)
            snapshot asked -> answered: {answered - asked:F0} ms
            answered -> drawn (model, grid, bars, free rooms): {drawn - answered:F0} ms
            drawn -> painted (two animation frames, an upper bound): {painted - drawn:F0} ms
            asked -> painted: {painted - asked:F0} ms
            Chromium, from sign-in to painted: script {Spent("ScriptDuration")}, style {Spent("RecalcStyleDuration")}, layout {Spent("LayoutDuration")}, all tasks {Spent("TaskDuration")}
            """;
        output.WriteLine(report);
        var folder = Path.Combine(Path.GetDirectoryName(BrowserFixture.ScreenshotFolder)!, "measurements");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "board-200-rooms.txt"), report);
    }

    private static async Task<Dictionary<string, double>> MetricsAsync(ICDPSession devTools)
    {
        var metrics = (await devTools.SendAsync("Performance.getMetrics"))!.Value.GetProperty("metrics");
        return metrics.EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
    }
}
