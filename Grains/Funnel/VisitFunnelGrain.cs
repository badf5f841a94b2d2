using System.Text.Json;
using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Events;
using Actors.Grains.Abstractions.Funnel;
using Actors.Persistence.EventLog;
using Actors.Persistence.State;
using Actors.Persistence.Streams;
using Actors.Persistence.Streams.Consumers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;
using Orleans.Streams;

namespace Actors.Grains.Funnel;

/// <summary>
/// A property's booking funnel, counted in memory from two sources: its visits (started, page steps)
/// and its event stream (a hold carrying a visit id of this property, then that booking's
/// confirmation). A visit id the funnel never saw start, from another property or organization,
/// attributes nothing. Reports need no query; the state is stored like the figures', not per call.
/// </summary>
[GrainType("visit-funnel")]
[ImplicitStreamSubscription(BoardStream.Namespace)]
public sealed class VisitFunnelGrain(
    [OutboxState("funnel")] IOutboxState<Consumed<VisitFunnelState>> funnel,
    IEventLog log,
    IDeadLetters deadLetters,
    TimeProvider time,
    IOptions<FunnelOptions> options,
    ILogger<VisitFunnelGrain> logger)
    : EventLogConsumer<VisitFunnelState>(funnel, log, deadLetters, logger), IVisitFunnelGrain, IRemindable
{
    private const string RetentionReminder = "visit-retention";
    private const int ForgetInParallel = 64;

    private EventStream Stream => new(BoardStream.Namespace, this.GetPrimaryKeyString());

    private FunnelOptions Options => options.Value;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        this.RegisterGrainTimer(SweepAsync, new GrainTimerCreationOptions(Options.RetentionSweep, Options.RetentionSweep));
    }

    public async Task VisitStarted(VisitStart start)
    {
        if (Data.Visits.ContainsKey(start.VisitId))
        {
            return;
        }

        if (AppliedThrough == 0)
        {
            // A funnel's first visit: learn the property's time zone before naming the visit's day.
            await CatchUpAsync(Stream);
        }

        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start.StartedAt, Zone).DateTime);
        var key = FunnelCounts.KeyOf(day, start.Source, start.Medium, start.Campaign, start.TestId, start.Variant);
        if (!Data.Counts.TryGetValue(key, out var counts))
        {
            Data.Counts[key] = counts = new FunnelCounts
            {
                Day = day,
                Source = start.Source,
                Medium = start.Medium,
                Campaign = start.Campaign,
                TestId = start.TestId,
                Variant = start.Variant,
            };
        }

        counts.Sessions++;
        var visit = new FunnelVisit { Key = key, StartedAt = start.StartedAt, LastStepAt = start.StartedAt };
        Data.Visits[start.VisitId] = visit;
        ReachAll(visit, start.Steps, start.StartedAt);
        if (!Data.SweepScheduled)
        {
            // Wakes the sweep after a restart too; the timer does it while the grain is active.
            var period = Options.RetentionSweep < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : Options.RetentionSweep;
            await this.RegisterOrUpdateReminder(RetentionReminder, period, period);
            Data.SweepScheduled = true;
        }

        await StoreLaterAsync();
    }

    public async Task StepsReached(string visitId, FunnelStep[] steps, DateTimeOffset at)
    {
        if (Data.Visits.TryGetValue(visitId, out var visit) && ReachAll(visit, steps, at))
        {
            await StoreLaterAsync();
        }
    }

    public async Task<FunnelReport> Report(DateOnly from, DateOnly to)
    {
        // As of every booking event committed before the question.
        await CatchUpAsync(Stream);
        if (MarkAbandoned())
        {
            await StoreLaterAsync();
        }

        var tests = await GrainFactory.GetGrain<IAbTestsGrain>(this.GetPrimaryKeyString()).List();
        return FunnelReports.Build(from, to, Data, tests);
    }

    public async Task<int> ForgetVisitDetails()
    {
        MarkAbandoned();
        var forgotten = Data.Visits.Keys.ToList();
        await ForgetAsync(forgotten);
        return forgotten.Count;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => SweepAsync(CancellationToken.None);

    protected override Task ApplyAsync(RecordedEvent recorded)
    {
        switch (recorded.EventType)
        {
            case nameof(PropertyCreated):
                var created = Read<PropertyCreated>(recorded).Settings;
                (Data.TimeZone, Data.Currency) = (created.TimeZone, created.Currency);
                break;
            case nameof(PropertySettingsChanged):
                var changed = Read<PropertySettingsChanged>(recorded).Settings;
                (Data.TimeZone, Data.Currency) = (changed.TimeZone, changed.Currency);
                break;
            case nameof(BookingHeld):
                var held = Read<BookingHeld>(recorded);
                // Only a visit this property's funnel saw start: another property's or organization's id is no visit here.
                if (held.VisitId is { } visitId && Data.Visits.TryGetValue(visitId, out var visit) && visit.BookingId is null)
                {
                    visit.BookingId = held.BookingId;
                    visit.Total = held.Total;
                    Data.Currency = held.Currency;
                    Data.Holds[held.BookingId] = visitId;
                    Reach(visit, FunnelStep.Held, recorded.RecordedAt);
                }

                break;
            case nameof(BookingDatesChanged):
                var dates = Read<BookingDatesChanged>(recorded);
                if (VisitOf(dates.BookingId) is { } rebooked)
                {
                    rebooked.Total = dates.Total;
                }

                break;
            case nameof(BookingConfirmed):
                var confirmed = Read<BookingConfirmed>(recorded).BookingId;
                if (VisitOf(confirmed) is { } booked)
                {
                    Reach(booked, FunnelStep.Confirmed, recorded.RecordedAt);
                    Data.Holds.Remove(confirmed);
                }

                break;
            case nameof(BookingCancelled):
                Data.Holds.Remove(Read<BookingCancelled>(recorded).BookingId);
                break;
            case nameof(BookingExpired):
                Data.Holds.Remove(Read<BookingExpired>(recorded).BookingId);
                break;
        }

        return Task.CompletedTask;
    }

    private FunnelVisit? VisitOf(string bookingId) =>
        Data.Holds.TryGetValue(bookingId, out var visitId) && Data.Visits.TryGetValue(visitId, out var visit) ? visit : null;

    private bool ReachAll(FunnelVisit visit, FunnelStep[] steps, DateTimeOffset at)
    {
        var counted = false;
        foreach (var step in steps)
        {
            counted |= Reach(visit, step, at);
        }

        return counted;
    }

    /// <summary>
    /// Counts a step once, in order. A hold or confirmation (from the booking's events, which a page
    /// cannot forge) also counts the page's steps before it that did not arrive (yet): a guest who
    /// held a room did search, see prices and choose, so the steps never count fewer further down.
    /// </summary>
    private bool Reach(FunnelVisit visit, FunnelStep step, DateTimeOffset at)
    {
        var number = (int)step;
        var fromTheBooking = step is FunnelStep.Held or FunnelStep.Confirmed;
        if (number <= visit.Reached || (!fromTheBooking && number != visit.Reached + 1))
        {
            return false;
        }

        var counts = Data.Counts[visit.Key];
        for (var reached = visit.Reached + 1; reached <= number; reached++)
        {
            counts.Reached[reached - 1]++;
        }

        visit.Reached = number;
        visit.LastStepAt = at > visit.LastStepAt ? at : visit.LastStepAt;
        if (step == FunnelStep.Confirmed)
        {
            counts.Revenue += visit.Total;
            if (visit.Abandoned)
            {
                // Confirmed after all (a hold longer than a visit's lifetime): no longer abandoned.
                visit.Abandoned = false;
                counts.Abandoned--;
            }
        }

        return true;
    }

    /// <summary>Visits that reached "viewed" and have had no step and no confirmation for a lifetime are abandoned.</summary>
    private bool MarkAbandoned()
    {
        var marked = false;
        var idleSince = time.GetUtcNow() - Options.VisitLifetime;
        foreach (var visit in Data.Visits.Values)
        {
            if (!visit.Abandoned && visit.Reached is >= (int)FunnelStep.Viewed and < (int)FunnelStep.Confirmed && visit.LastStepAt < idleSince)
            {
                visit.Abandoned = true;
                Data.Counts[visit.Key].Abandoned++;
                marked = true;
            }
        }

        return marked;
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        if (MarkAbandoned())
        {
            await StoreLaterAsync();
        }

        var over = time.GetUtcNow() - Options.VisitRetention;
        var expired = Data.Visits.Where(v => v.Value.StartedAt < over).Select(v => v.Key).ToList();
        await ForgetAsync(expired);
    }

    /// <summary>Forgets visits: their grains clear their details, and the funnel stops following them (their counts stay).</summary>
    private async Task ForgetAsync(IReadOnlyList<string> visitIds)
    {
        if (visitIds.Count == 0)
        {
            return;
        }

        var key = GrainKeys.Split(this.GetPrimaryKeyString());
        var (org, property) = (key[0], key[1]);
        foreach (var batch in visitIds.Chunk(ForgetInParallel))
        {
            await Task.WhenAll(batch.Select(id => GrainFactory.GetGrain<IVisitGrain>(GrainKeys.Visit(org, property, id)).Forget()));
            foreach (var id in batch)
            {
                if (Data.Visits.Remove(id, out var visit) && visit.BookingId is { } booking)
                {
                    Data.Holds.Remove(booking);
                }
            }

            await StoreLaterAsync();
        }
    }

    private TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(Data.TimeZone);

    private static T Read<T>(RecordedEvent recorded) =>
        JsonSerializer.Deserialize<T>(recorded.Payload, GrainJson.Options)
        ?? throw new JsonException($"Event {recorded.Stream} #{recorded.Sequence} ({recorded.EventType}) has no body.");
}
