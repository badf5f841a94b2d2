using Orleans;
using Orleans.Runtime;

namespace Actors.OrleansSql.Tests;

/// <summary>Orleans' ADO.NET reminder table runs on our SQL: versions, ranges and deletes.</summary>
public sealed class ReminderTableTests(OrleansDatabase db) : IClassFixture<OrleansDatabase>
{
    private static readonly DateTime Start = new(2026, 3, 1, 14, 0, 0, 123, DateTimeKind.Utc);

    private static string NewService() => $"service-{Guid.NewGuid():N}";

    private static ReminderEntry Reminder(GrainId grain, string name, TimeSpan? period = null) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = Start,
        Period = period ?? TimeSpan.FromMinutes(15),
    };

    [Fact]
    public async Task An_upserted_reminder_reads_back_with_its_version_and_a_second_upsert_moves_the_version_on()
    {
        await using var reminders = await Reminders.StartAsync(db.ConnectionString, NewService());
        var grain = GrainId.Create("booking", "b-1");

        var first = await reminders.Table.UpsertRow(Reminder(grain, "hold-expiry"));
        var read = await reminders.Table.ReadRow(grain, "hold-expiry");
        var second = await reminders.Table.UpsertRow(Reminder(grain, "hold-expiry", TimeSpan.FromMinutes(30)));
        var reread = await reminders.Table.ReadRow(grain, "hold-expiry");

        Assert.NotNull(read);
        Assert.Equal(grain, read.GrainId);
        Assert.Equal("hold-expiry", read.ReminderName);
        Assert.Equal(Start, read.StartAt);
        Assert.Equal(TimeSpan.FromMinutes(15), read.Period);
        Assert.Equal(first, read.ETag);
        Assert.NotNull(reread);
        Assert.NotEqual(first, second);
        Assert.Equal(second, reread.ETag);
        Assert.Equal(TimeSpan.FromMinutes(30), reread.Period);
    }

    [Fact]
    public async Task A_period_longer_than_an_int32_of_milliseconds_round_trips()
    {
        await using var reminders = await Reminders.StartAsync(db.ConnectionString, NewService());
        var grain = GrainId.Create("booking", "b-long");

        await reminders.Table.UpsertRow(Reminder(grain, "yearly", TimeSpan.FromDays(365)));

        Assert.Equal(TimeSpan.FromDays(365), (await reminders.Table.ReadRow(grain, "yearly"))?.Period);
    }

    [Fact]
    public async Task A_missing_reminder_reads_as_null()
    {
        await using var reminders = await Reminders.StartAsync(db.ConnectionString, NewService());

        Assert.Null(await reminders.Table.ReadRow(GrainId.Create("booking", "nobody"), "hold-expiry"));
    }

    [Fact]
    public async Task Reading_a_grain_returns_all_its_reminders_and_no_one_elses()
    {
        var service = NewService();
        await using var reminders = await Reminders.StartAsync(db.ConnectionString, service);
        await using var otherService = await Reminders.StartAsync(db.ConnectionString, NewService());
        var grain = GrainId.Create("booking", "b-1");
        await reminders.Table.UpsertRow(Reminder(grain, "hold-expiry"));
        await reminders.Table.UpsertRow(Reminder(grain, "no-show"));
        await reminders.Table.UpsertRow(Reminder(GrainId.Create("booking", "b-2"), "hold-expiry"));
        await otherService.Table.UpsertRow(Reminder(grain, "other-service"));

        var rows = await reminders.Table.ReadRows(grain);

        Assert.Equal(["hold-expiry", "no-show"], rows.Reminders.Select(r => r.ReminderName).Order());
        Assert.All(rows.Reminders, r => Assert.Equal(grain, r.GrainId));
    }

    [Fact]
    public async Task A_delete_with_a_stale_version_is_refused_and_with_the_current_version_removes_the_reminder()
    {
        await using var reminders = await Reminders.StartAsync(db.ConnectionString, NewService());
        var grain = GrainId.Create("booking", "b-1");
        var stale = await reminders.Table.UpsertRow(Reminder(grain, "hold-expiry"));
        var current = await reminders.Table.UpsertRow(Reminder(grain, "hold-expiry"));

        Assert.False(await reminders.Table.RemoveRow(grain, "hold-expiry", stale!));
        Assert.NotNull(await reminders.Table.ReadRow(grain, "hold-expiry"));

        Assert.True(await reminders.Table.RemoveRow(grain, "hold-expiry", current!));
        Assert.Null(await reminders.Table.ReadRow(grain, "hold-expiry"));
        Assert.False(await reminders.Table.RemoveRow(grain, "hold-expiry", current!));
    }

    [Fact]
    public async Task Clearing_the_table_removes_this_services_reminders_only()
    {
        await using var reminders = await Reminders.StartAsync(db.ConnectionString, NewService());
        await using var otherService = await Reminders.StartAsync(db.ConnectionString, NewService());
        var grain = GrainId.Create("booking", "b-1");
        await reminders.Table.UpsertRow(Reminder(grain, "hold-expiry"));
        await otherService.Table.UpsertRow(Reminder(grain, "hold-expiry"));

        await reminders.Table.TestOnlyClearTable();

        Assert.Empty((await reminders.Table.ReadRows(grain)).Reminders);
        Assert.Single((await otherService.Table.ReadRows(grain)).Reminders);
    }

    [Fact]
    public async Task Range_reads_return_exactly_the_grains_hashed_into_the_ring_segment_from_begin_exclusive_to_end_inclusive()
    {
        await using var reminders = await Reminders.StartAsync(db.ConnectionString, NewService());
        var grains = Enumerable.Range(0, 64).Select(i => GrainId.Create("booking", $"b-{i}")).ToList();
        foreach (var grain in grains)
        {
            await reminders.Table.UpsertRow(Reminder(grain, "hold-expiry"));
        }

        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToList();
        var low = hashes.Where(h => h < 0x8000_0000u).ToList();
        var high = hashes.Where(h => h >= 0x8000_0000u).ToList();
        Assert.True(low.Count >= 4 && high.Count >= 4, "the sample needs hashes on both halves of the ring");

        var ranges = new (uint Begin, uint End)[]
        {
            (low[0], low[^1]),                  // ordinary: begin excluded, end included
            (low[0] - 1, low[0]),               // exactly one grain, on its own hash
            (low[1], low[1] + 1),               // begin is exclusive
            (low[^2], high[1]),                 // crosses the middle of the ring (int32 sign change)
            (high[^2], low[1]),                 // wraps past the top of the ring
            (high[0], low[0] - 1),              // wraps, end just before the first low hash
            (high[1], high[1]),                 // begin == end: the whole ring
            (0u, uint.MaxValue),
            (uint.MaxValue, 0u),
        };

        foreach (var (begin, end) in ranges)
        {
            var expected = grains.Where(g => InRing(g.GetUniformHashCode(), begin, end)).Select(g => g.ToString()).Order().ToList();
            var actual = (await reminders.Table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId.ToString()).Order().ToList();
            Assert.True(expected.SequenceEqual(actual), $"range ({begin:X8}, {end:X8}]: expected {expected.Count}, got {actual.Count}");
        }
    }

    // Orleans' ring: (begin, end] clockwise, wrapping past uint.MaxValue when begin >= end.
    private static bool InRing(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
}
