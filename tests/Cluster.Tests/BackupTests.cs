using System.Diagnostics;
using System.Text.Json;
using Actors.Persistence.Testing;

namespace Actors.Cluster.Tests;

/// <summary>
/// deploy/backup.sh then deploy/restore.sh into a fresh database: an API node on the restored
/// database serves the same bookings and the same board, down to its event sequence.
/// </summary>
public sealed class BackupTests
{
    private const string Org = "backed-up";

    [Fact]
    public async Task A_backup_restored_into_a_fresh_database_serves_the_same_bookings_and_board()
    {
        await using var original = await TestDatabase.CreateAsync();
        await using var restored = await TestDatabase.CreateAsync();
        var backup = Path.Combine(Path.GetTempPath(), $"actors-backup-{Guid.NewGuid():N}.dump");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        string token;
        string before;
        var bookings = new List<string>();
        try
        {
            await using (var api = await NodeProcess.StartAsync("Api", original.ConnectionString))
            {
                token = await HotelApi.OpenHotelAsync(http, api.BaseAddress, Org, rooms: 3);
                for (var room = 0; room < 3; room++)
                {
                    var checkIn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3 + room);
                    var held = await HotelApi.PostAsync(http, api.BaseAddress, $"/api/orgs/{Org}/bookings", new
                    {
                        propertyId = "hotel",
                        roomId = $"r{room}",
                        checkIn = checkIn.ToString("yyyy-MM-dd"),
                        checkOut = checkIn.AddDays(2).ToString("yyyy-MM-dd"),
                        guest = new { name = $"Guest {room}", email = "guest@example.com" },
                    }, token);
                    bookings.Add(held.GetProperty("id").GetString()!);
                }

                await HotelApi.PostAsync(http, api.BaseAddress, $"/api/orgs/{Org}/bookings/{bookings[0]}/confirm", null, token);
                before = await SnapshotAsync(http, api.BaseAddress, token, bookings);
            }

            await RunAsync("backup.sh", original.ConnectionString, backup);
            await RunAsync("restore.sh", restored.ConnectionString, backup);

            await using var back = await NodeProcess.StartAsync("Api", restored.ConnectionString);
            Assert.Equal(before, await SnapshotAsync(http, back.BaseAddress, token, bookings));
        }
        finally
        {
            File.Delete(backup);
        }
    }

    // The board's sequence and stays, and each booking's status and total, as one comparable text.
    private static async Task<string> SnapshotAsync(HttpClient http, Uri node, string token, List<string> bookings)
    {
        var from = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        var board = await HotelApi.GetAsync(http, node, $"/api/orgs/{Org}/properties/hotel/board?from={from}", token);
        var lines = new List<string> { $"board sequence {board.GetProperty("sequence").GetInt64()}" };
        foreach (var id in bookings)
        {
            var booking = await HotelApi.GetAsync(http, node, $"/api/orgs/{Org}/bookings/{id}", token);
            lines.Add($"{id} {booking.GetProperty("status").GetString()} {booking.GetProperty("roomId").GetString()} {booking.GetProperty("total").GetDecimal()}");
        }

        lines.Add(JsonSerializer.Serialize(board.GetProperty("rooms")));
        return string.Join('\n', lines);
    }

    private static async Task RunAsync(string script, string connectionString, string file)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Repository.Root, "deploy", script), file])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ConnectionStrings__Postgres"] = connectionString },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, $"deploy/{script}: exit {process.ExitCode}\n{await output}\n{await errors}");
    }
}
