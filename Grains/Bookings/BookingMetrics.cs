using System.Diagnostics.Metrics;

namespace Actors.Grains.Bookings;

/// <summary>
/// Bookings by what happened to them, counted once their state is committed (a write that failed
/// counts nothing), in the meter "Actors.Bookings" that the telemetry exports.
/// </summary>
public sealed class BookingMetrics
{
    public const string MeterName = "Actors.Bookings";

    private readonly Counter<long> held;
    private readonly Counter<long> confirmed;
    private readonly Counter<long> cancelled;
    private readonly Counter<long> expired;

    public BookingMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        held = meter.CreateCounter<long>("bookings.held", "{booking}", "Rooms held for a guest.");
        confirmed = meter.CreateCounter<long>("bookings.confirmed", "{booking}", "Holds confirmed into bookings.");
        cancelled = meter.CreateCounter<long>("bookings.cancelled", "{booking}", "Holds and bookings cancelled.");
        expired = meter.CreateCounter<long>("bookings.expired", "{booking}", "Holds that lapsed unconfirmed.");
    }

    public void Held() => held.Add(1);

    public void Confirmed() => confirmed.Add(1);

    public void Cancelled() => cancelled.Add(1);

    public void Expired() => expired.Add(1);
}
