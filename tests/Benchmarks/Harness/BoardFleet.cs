using System.Diagnostics;
using System.Text.Json;
using Actors.Api.Boards;
using Actors.Benchmarks.Baseline;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Actors.Benchmarks.Harness;

/// <summary>
/// Many board clients (the real .NET SignalR client over WebSockets) connected to one node, each
/// keeping when it first received each event. Both designs answer Follow and then push "BoardEvent"
/// messages: the platform from its stream subscription per node, the baseline from its poller.
/// </summary>
public sealed class BoardFleet : IAsyncDisposable
{
    private const string PlatformEventMethod = "BoardEvent";
    private const string PlatformFiguresMethod = "BoardFigures";

    private readonly List<BoardClient> clients;

    private BoardFleet(List<BoardClient> clients) => this.clients = clients;

    public int Count => clients.Count;

    /// <summary>Events received by all clients together, first receipts only.</summary>
    public long Received => clients.Sum(c => c.Count);

    /// <summary>Connects <paramref name="count"/> clients; client i follows property <paramref name="property"/>(i) after sequence <paramref name="after"/>.</summary>
    public static async Task<BoardFleet> ConnectAsync(
        Uri node, bool platform, string? accessToken, string org, Func<int, string> property, long after, int count, CancellationToken cancellationToken)
    {
        var clients = new BoardClient[count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken },
            async (i, ct) => clients[i] = await BoardClient.ConnectAsync(node, platform, accessToken, org, property(i), after, ct));
        return new BoardFleet([.. clients]);
    }

    public void Clear()
    {
        foreach (var client in clients)
        {
            client.Clear();
        }
    }

    /// <summary>Waits until every client has received <paramref name="perClient"/> events, or the timeout passes.</summary>
    public async Task<bool> WaitForAsync(int perClient, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (clients.Any(c => c.Count < perClient))
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                return false;
            }

            await Task.Delay(20, cancellationToken);
        }

        return true;
    }

    public IEnumerable<Receipt> Receipts() => clients.SelectMany(c => c.Receipts());

    public async ValueTask DisposeAsync() =>
        await Parallel.ForEachAsync(clients, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (c, _) => await c.DisposeAsync());

    /// <summary>One event as one client first got it: its booking, when the server recorded it, and when it arrived here.</summary>
    public sealed record Receipt(string BookingId, DateTimeOffset RecordedAt, DateTimeOffset ReceivedAt, long ReceivedTimestamp);

    private sealed class BoardClient : IAsyncDisposable
    {
        private readonly HubConnection connection;
        private readonly List<Receipt> receipts = [];
        private readonly HashSet<long> seen = [];
        private readonly CancellationTokenSource stop = new();

        private BoardClient(HubConnection connection) => this.connection = connection;

        public int Count
        {
            get
            {
                lock (receipts)
                {
                    return receipts.Count;
                }
            }
        }

        public static async Task<BoardClient> ConnectAsync(Uri node, bool platform, string? accessToken, string org, string property, long after, CancellationToken cancellationToken)
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(node, "/hubs/board"), o =>
                {
                    // WebSockets straight away, as browsers on a current stack connect.
                    o.SkipNegotiation = true;
                    o.Transports = HttpTransportType.WebSockets;
                    // The platform's boards are for members; the baseline has no accounts.
                    o.AccessTokenProvider = () => Task.FromResult(accessToken);
                })
                .Build();
            var client = new BoardClient(connection);
            connection.On<BoardEvent>(platform ? PlatformEventMethod : BaselineBoardHub.EventMethod, client.Record);
            if (platform)
            {
                // Tonight's figures come with the platform's board; a board reads them, this one only takes them.
                connection.On<JsonElement>(PlatformFiguresMethod, static _ => { });
            }

            await connection.StartAsync(cancellationToken);
            if (platform)
            {
                await connection.InvokeAsync<long>("Follow", org, property, after, cancellationToken);
            }
            else
            {
                foreach (var missed in await connection.InvokeAsync<List<BoardEvent>>("Follow", org, property, after, cancellationToken))
                {
                    client.Record(missed);
                }
            }

            return client;
        }

        public void Clear()
        {
            lock (receipts)
            {
                receipts.Clear();
            }
        }

        public IReadOnlyList<Receipt> Receipts()
        {
            lock (receipts)
            {
                return [.. receipts];
            }
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await connection.DisposeAsync();
            stop.Dispose();
        }

        private void Record(BoardEvent recorded)
        {
            var now = DateTimeOffset.UtcNow;
            var timestamp = Stopwatch.GetTimestamp();
            lock (receipts)
            {
                // First receipt only: a baseline client may get an event both in its replay and pushed.
                if (seen.Add(recorded.Sequence))
                {
                    var booking = recorded.Data.ValueKind == JsonValueKind.Object && recorded.Data.TryGetProperty("bookingId", out var id) ? id.GetString() ?? "" : "";
                    receipts.Add(new Receipt(booking, recorded.RecordedAt, now, timestamp));
                }
            }
        }
    }
}
