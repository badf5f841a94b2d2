using System.Globalization;
using System.Net;
using Actors.Benchmarks.Harness;
using Actors.Persistence.Testing;
using Npgsql;

namespace Actors.Benchmarks.Scenarios;

/// <summary>
/// Booking throughput and latency with 1, 2 and 3 silos, every node a real process as an operator
/// runs it: N silo processes and one API node that joins as a client (Cluster__HostsGrains=false),
/// so every grain call crosses Orleans' gateway connection to a silo. The conventional counterpart scales by
/// running N stateless baseline nodes on the same database, the load spread over them round-robin.
/// All clusters run at once, each on its own database, so their loads interleave in rounds.
/// </summary>
public sealed class SiloScalingScenario : Scenario
{
    private const string Org = "bench";
    private const string Property = "hotel";
    private const string WarmUp = "warm-up";

    public override string Name => "silos";

    public override string Title => "Booking with 1, 2 and 3 silos (processes)";

    public override string Unit => "bookings";

    public override string? SkipReason(BenchSettings settings) =>
        settings.ConnectionString is null ? "ConnectionStrings__Postgres is not set" : null;

    public override async Task<ScenarioResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var clusters = new List<Cluster>();
        try
        {
            foreach (var silos in settings.SiloCounts)
            {
                clusters.Add(await Cluster.StartAsync(silos, settings.Rooms, settings.Quick ? 100 : 600, cancellationToken));
                Console.Error.WriteLine($"  {silos} silo(s) + API node, and {silos} baseline node(s): started");
            }

            var clients = settings.HttpClients;
            var loads = new List<Load>();
            foreach (var cluster in clusters)
            {
                var n = cluster.Size;
                var platformCursor = StayCursor.ManyRooms($"platform{n}", settings.Rooms);
                var baselineCursor = StayCursor.ManyRooms($"baseline{n}", settings.Rooms);
                BookingSite Baseline(int caller) => cluster.Baseline[caller % n];
                loads.Add(new(cluster.BaselineLoad(clients), clients, BookingLoads.Hold(Baseline, Org, Property, "r", baselineCursor, cluster.BaselineOutcomes)));
                loads.Add(new(cluster.PlatformLoad(clients), clients, BookingLoads.Hold(_ => cluster.Platform, Org, Property, "r", platformCursor, cluster.PlatformOutcomes),
                    Versus: cluster.BaselineLoad(clients)));
                loads.Add(new(cluster.BaselineLoad(1), 1, BookingLoads.Hold(Baseline, Org, Property, "r", baselineCursor, cluster.BaselineOutcomes)));
                loads.Add(new(cluster.PlatformLoad(1), 1, BookingLoads.Hold(_ => cluster.Platform, Org, Property, "r", platformCursor, cluster.PlatformOutcomes),
                    Versus: cluster.BaselineLoad(1)));
            }

            // Half-length windows: twelve loads would otherwise take a quarter of the run.
            var rows = await MeasureAsync(loads, settings with { Measure = settings.Measure / 2, Warmup = settings.Warmup / 2 }, cancellationToken);
            var figures = new List<Figure>();
            var context = new Dictionary<string, string> { ["clients"] = $"{clients}", ["rooms"] = $"{settings.Rooms}" };
            var first = clusters[0];
            double Rate(string variant, Outcomes outcomes) => Of(rows, variant).PerSecond * outcomes.ShareOf(HttpStatusCode.Created);
            var platformOne = Rate(first.PlatformLoad(clients), first.PlatformOutcomes);
            var baselineOne = Rate(first.BaselineLoad(clients), first.BaselineOutcomes);
            foreach (var cluster in clusters)
            {
                var n = cluster.Size;
                var platform = Rate(cluster.PlatformLoad(clients), cluster.PlatformOutcomes);
                var baseline = Rate(cluster.BaselineLoad(clients), cluster.BaselineOutcomes);
                figures.Add(new($"booking commits/s, {n} silo(s) + API node vs {n} baseline node(s)", "/s", platform, baseline, HigherIsBetter: true,
                    cluster == first ? "every platform call is remote (the API node hosts no grains)" : string.Create(CultureInfo.InvariantCulture, $"vs {first.Size}: platform {platform / platformOne:0.00}x, baseline {baseline / baselineOne:0.00}x")));
                figures.Add(new($"booking p50, 1 client, {n} silo(s) vs {n} node(s)", "ms",
                    Of(rows, cluster.PlatformLoad(1)).Latency.P50 / 1000, Of(rows, cluster.BaselineLoad(1)).Latency.P50 / 1000, HigherIsBetter: false));
                context[$"platform{n}Responses"] = cluster.PlatformOutcomes.ToString();
                context[$"baseline{n}Responses"] = cluster.BaselineOutcomes.ToString();
            }

            return Result(figures, rows, context);
        }
        finally
        {
            foreach (var cluster in clusters)
            {
                await cluster.DisposeAsync();
            }
        }
    }

    /// <summary>One cluster size: its database, silos, API node and baseline nodes, all processes.</summary>
    private sealed class Cluster : IAsyncDisposable
    {
        private readonly TestDatabase database;
        private readonly List<ServerProcess> processes = [];

        private Cluster(TestDatabase database, int size)
        {
            this.database = database;
            Size = size;
        }

        public int Size { get; }

        public BookingSite Platform { get; private set; } = null!;

        public List<BookingSite> Baseline { get; } = [];

        public Outcomes PlatformOutcomes { get; } = new();

        public Outcomes BaselineOutcomes { get; } = new();

        public string PlatformLoad(int clients) => $"platform, {Size} silo(s): hold, {clients} client(s)";

        public string BaselineLoad(int clients) => $"baseline, {Size} node(s): hold, {clients} client(s)";

        public static async Task<Cluster> StartAsync(int size, int rooms, int warmUpBookings, CancellationToken cancellationToken)
        {
            var cluster = new Cluster(await TestDatabase.CreateAsync(), size);
            try
            {
                // Up to 15 processes share PostgreSQL's 300 connections: small pools that shrink when idle.
                var connectionString = new NpgsqlConnectionStringBuilder(cluster.database.ConnectionString)
                {
                    MaxPoolSize = 40,
                    ConnectionIdleLifetime = 10,
                    ConnectionPruningInterval = 5,
                }.ConnectionString;
                var environment = new Dictionary<string, string> { ["ConnectionStrings__Postgres"] = connectionString, ["DOTNET_gcServer"] = "1" };
                cluster.processes.AddRange(await Task.WhenAll(Enumerable.Range(0, size).Select(_ => ServerProcess.StartNodeAsync("Silo", environment, "/health/ready", cancellationToken))));
                var api = await ServerProcess.StartNodeAsync("Api", new Dictionary<string, string>(environment) { ["Cluster__HostsGrains"] = "false" }, "/health/ready", cancellationToken);
                cluster.processes.Add(api);
                var baseline = await Task.WhenAll(Enumerable.Range(0, size).Select(_ => ServerProcess.StartBaselineAsync(environment, cancellationToken)));
                cluster.processes.AddRange(baseline);
                await cluster.WaitForMembersAsync(size, cancellationToken);

                cluster.Platform = new BookingSite(api.Address);
                cluster.Baseline.AddRange(baseline.Select(b => new BookingSite(b.Address)));
                foreach (var site in new[] { cluster.Platform, cluster.Baseline[0] })
                {
                    await site.OpenOrganizationAsync(Org, cancellationToken);
                    await site.OpenPropertyAsync(Org, Property, rooms, "r", cancellationToken);
                    await site.OpenPropertyAsync(Org, WarmUp, 20, "w", cancellationToken);
                }

                await cluster.WarmUpAsync(warmUpBookings, cancellationToken);
                return cluster;
            }
            catch
            {
                await cluster.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            Platform?.Dispose();
            foreach (var site in Baseline)
            {
                site.Dispose();
            }

            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }

            await database.DisposeAsync();
        }

        // Fresh processes run unoptimized code at first: bookings on every node until tiered JIT has
        // done its work, on a property of their own so the measured loads find every night free.
        private async Task WarmUpAsync(int bookings, CancellationToken cancellationToken)
        {
            var outcomes = new Outcomes();
            var platform = StayCursor.ManyRooms($"warm-platform{Size}", 20);
            var baseline = StayCursor.ManyRooms($"warm-baseline{Size}", 20);
            await Parallel.ForEachAsync(
                Enumerable.Range(0, bookings),
                new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
                async (i, ct) => await (i % 2 == 0
                    ? BookingLoads.Hold(_ => Platform, Org, WarmUp, "w", platform, outcomes)(0)(ct)
                    : BookingLoads.Hold(_ => Baseline[i / 2 % Size], Org, WarmUp, "w", baseline, outcomes)(0)(ct)));
        }

        // Every silo in every node's view before the hotel is opened, so grains are placed over all of them from the start.
        private async Task WaitForMembersAsync(int silos, CancellationToken cancellationToken)
        {
            await Eventually.Until(
                // Orleans' membership: silos only (clients never register), 3 = SiloStatus.Active.
                () => database.ScalarAsync<long>("SELECT count(*) FROM orleans_membership WHERE status = 3"),
                active => active == silos,
                TimeSpan.FromSeconds(60));
            // Silos re-read the membership table every 2 seconds (ClusterMembershipOptions.TableRefreshTimeout, tuned).
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
    }
}
