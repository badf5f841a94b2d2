using System.Diagnostics.Metrics;

namespace Actors.Api.Boards;

/// <summary>
/// The boards' figures in the meter "Actors.Boards": connections open on this node, and events
/// written to boards, while catching up from the log or live from the property's stream.
/// </summary>
public sealed class BoardMetrics
{
    public const string MeterName = "Actors.Boards";

    private static readonly KeyValuePair<string, object?> CatchingUp = new("board.delivery", "catch-up");
    private static readonly KeyValuePair<string, object?> Live = new("board.delivery", "live");

    private readonly Counter<long> deliveries;

    public BoardMetrics(IMeterFactory meters, BoardConnections connections)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableUpDownCounter("boards.connections", () => connections.Open, "{connection}", "Board connections open on this node.");
        deliveries = meter.CreateCounter<long>("boards.deliveries", "{event}", "Events written to board connections.");
    }

    public void DeliveredWhileCatchingUp() => deliveries.Add(1, CatchingUp);

    public void DeliveredLive() => deliveries.Add(1, Live);
}
