namespace Actors.Benchmarks.Harness;

/// <summary>
/// Hands every booking of a load its own room and night, so every booking can succeed: no load is
/// measuring refusals. Shared by the load's callers; each call takes the next slot.
/// </summary>
public sealed class StayCursor
{
    private readonly Func<long, (int Room, int Day)> slot;
    private long next = -1;

    private StayCursor(string name, Func<long, (int Room, int Day)> slot)
    {
        Name = name;
        this.slot = slot;
    }

    public string Name { get; }

    /// <summary>Consecutive bookings go to consecutive rooms; a room's nights fill up one per round of rooms.</summary>
    public static StayCursor ManyRooms(string name, int rooms) => new(name, n => ((int)(n % rooms), 1 + (int)(n / rooms)));

    /// <summary>Every booking goes to one room, night after night; after a year of nights the next room becomes the hot one.</summary>
    public static StayCursor HotRoom(string name, int nightsPerRoom = 365, int firstRoom = 0) =>
        new(name, n => (firstRoom + (int)(n / nightsPerRoom), 1 + (int)(n % nightsPerRoom)));

    /// <summary>The next slot: a room index, a check-in day counted from today (1 = tomorrow), and a unique key.</summary>
    public (int Room, DateOnly CheckIn, string Key) Next()
    {
        var n = Interlocked.Increment(ref next);
        var (room, day) = slot(n);
        // Arrivals may be booked at most 730 days ahead: a load that gets there has run out of nights.
        return day > 730
            ? throw new InvalidOperationException($"{Name}: no free nights left after {n} bookings; use more rooms.")
            : (room, BookingSite.Today.AddDays(day), $"{Name}-{n}");
    }
}
