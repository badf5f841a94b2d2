using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Actors.Api.Tests;
using Actors.Testing;

// dotnet run -c Release --project tests/Benchmarks [-- results.json]
// Needs ConnectionStrings__Postgres (a server; a fresh database is made and dropped). Prints a table
// and writes the numbers as JSON. Sizes are fixed so runs on the same machine compare.
const int Rooms = 200;
const int Concurrency = 32;
var output = args.FirstOrDefault() ?? "benchmark-results.json";
var today = DateOnly.FromDateTime(DateTime.UtcNow);
string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

await using var database = await TestDatabase.CreateAsync();
await using var app = await BookingApp.StartAsync(database.ConnectionString);
var client = app.Client;
await client.PostAsync("/api/orgs", new { id = "bench", name = "Bench", plan = "Premium" }).OkAsync();
await client.PostAsync("/api/orgs/bench/properties", new
{
    id = "hotel",
    settings = new { name = "Bench Hotel", timeZone = "UTC", currency = "EUR", checkInTime = "15:00", checkOutTime = "11:00" },
    roomTypes = new[] { new { id = "double", name = "Double", nightlyRate = 100m }, new { id = "suite", name = "Suite", nightlyRate = 200m } },
}).OkAsync();
await Parallel.ForEachAsync(Enumerable.Range(0, Rooms), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
    await client.PostAsync("/api/orgs/bench/properties/hotel/rooms", new { id = $"r{i}", name = $"Room {i}", roomType = i % 4 == 0 ? "suite" : "double" }).OkAsync());

object Stay(int room, int from, int to) => new
{
    propertyId = "hotel",
    roomId = $"r{room}",
    checkIn = Day(from),
    checkOut = Day(to),
    guest = new { name = "Guest", email = "guest@example.com" },
};

// Each booking is a hold: a room state write with its stays row, a booking state write with its event, a reminder.
async Task<(double PerSecond, int Count)> BookingsAsync(IReadOnlyList<object> stays)
{
    var clock = Stopwatch.StartNew();
    await Parallel.ForEachAsync(stays, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (stay, _) =>
        await client.PostAsync("/api/orgs/bench/bookings", stay).OkAsync());
    return (stays.Count / clock.Elapsed.TotalSeconds, stays.Count);
}

await BookingsAsync([.. Enumerable.Range(0, 200).Select(i => Stay(i % Rooms, 600, 601))]); // warm-up
var manyRooms = await BookingsAsync([.. Enumerable.Range(0, 2000).Select(i => Stay(i % Rooms, 1 + (i / Rooms * 2), 2 + (i / Rooms * 2)))]);
var hotRoom = await BookingsAsync([.. Enumerable.Range(0, 500).Select(i => Stay(7, 30 + i, 31 + i))]);

var latencies = new List<double>();
for (var i = 0; i < 1000; i++)
{
    var clock = Stopwatch.StartNew();
    await client.GetAsync($"/api/orgs/bench/properties/hotel/availability?checkIn={Day(1)}&checkOut={Day(31)}").OkAsync();
    latencies.Add(clock.Elapsed.TotalMilliseconds);
}

latencies.Sort();
double Percentile(double p) => latencies[(int)Math.Ceiling(p / 100 * latencies.Count) - 1];
var results = new[]
{
    new { Measure = $"booking commits/s over HTTP, {Rooms} rooms, {Concurrency} clients", Value = manyRooms.PerSecond, Unit = "1/s", Count = manyRooms.Count },
    new { Measure = $"booking commits/s over HTTP, one hot room, {Concurrency} clients", Value = hotRoom.PerSecond, Unit = "1/s", Count = hotRoom.Count },
    new { Measure = $"availability search p50, {Rooms} rooms x 30 nights", Value = Percentile(50), Unit = "ms", Count = latencies.Count },
    new { Measure = $"availability search p99, {Rooms} rooms x 30 nights", Value = Percentile(99), Unit = "ms", Count = latencies.Count },
};

Console.WriteLine($"{"measure",-62} {"value",10} unit");
foreach (var result in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Measure,-62} {result.Value,10:F1} {result.Unit}"));
}

await File.WriteAllTextAsync(output, JsonSerializer.Serialize(new { machine = Environment.ProcessorCount + " cores", results }, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"written to {Path.GetFullPath(output)}");
