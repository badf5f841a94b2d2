using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Funnel;
using Orleans;
using Orleans.Runtime;

namespace Actors.Grains.Funnel;

/// <summary>
/// A visit (key "org/property/visit"): the authority on the page's steps of that visit, in order and
/// once each. It hands what the funnel counts to the property's funnel grain one way, so neither the
/// page nor this grain waits for the counting.
/// </summary>
[GrainType("visit")]
internal sealed class VisitGrain(
    [PersistentState("visit")] IPersistentState<VisitState> visit,
    TimeProvider time) : Grain, IVisitGrain
{
    private static readonly TimeSpan SaveAfter = TimeSpan.FromSeconds(5);

    private string org = "";
    private bool unsaved;
    private IGrainTimer? saveSoon;
    private string property = "";
    private string visitId = "";

    private VisitState State => visit.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = GrainKeys.Split(this.GetPrimaryKeyString());
        (org, property, visitId) = (key[0], key[1], key[2]);
        return Task.CompletedTask;
    }

    public async Task<StartedVisit> Start(VisitDetails details, FunnelStep[] steps)
    {
        if (!State.Started)
        {
            var variants = await GrainFactory.GetGrain<IAbTestsGrain>(GrainKeys.Property(org, property)).Assign();
            State.Started = true;
            State.StartedAt = time.GetUtcNow();
            State.Details = details;
            State.Variants = [.. variants];
            var reached = Append(steps);
            var (source, medium, campaign) = VisitSource.Of(details);
            var shown = variants.Count > 0 ? variants[0] : null;
            await Funnel.VisitStarted(new VisitStart(visitId, State.StartedAt, source, medium, campaign, shown?.TestId ?? "", shown?.Variant ?? "", reached));
            SaveSoon();
        }

        return new StartedVisit(visitId, State.Variants);
    }

    public async Task Reach(FunnelStep[] steps)
    {
        if (!State.Started)
        {
            // No such visit (a forged or forgotten id): nothing to keep in memory for it either.
            DeactivateOnIdle();
            return;
        }

        var reached = Append(steps);
        if (reached.Length > 0)
        {
            await Funnel.StepsReached(visitId, reached, time.GetUtcNow());
            SaveSoon();
        }
    }

    // Steps count once each and in order: a repeat (a second search) is passed over, while a step
    // only a booking reports, or one whose predecessor was not reached (a forged order), ends the batch.
    private FunnelStep[] Append(FunnelStep[] steps)
    {
        var first = State.Steps.Count;
        foreach (var step in steps)
        {
            if (!FunnelSteps.FromThePage.Contains(step) || (int)step > State.Steps.Count + 1)
            {
                break;
            }

            if ((int)step == State.Steps.Count + 1)
            {
                State.Steps.Add(step);
            }
        }

        return [.. State.Steps.Skip(first)];
    }

    // The counts are the funnel's (which stores its own every few seconds); this grain only keeps the
    // details and the order, so one write covers the start and a visit's quick succession of steps (or
    // its deactivation) rather than one write per call, and the page's calls never wait on the database.
    private void SaveSoon()
    {
        unsaved = true;
        saveSoon ??= this.RegisterGrainTimer(SaveAsync, new GrainTimerCreationOptions(SaveAfter, Timeout.InfiniteTimeSpan));
    }

    public Task<VisitView> Get() =>
        State.Started && State.Details is { } details
            ? Task.FromResult(new VisitView(visitId, State.StartedAt, details, State.Variants, [.. State.Steps.Select(FunnelSteps.Name)]))
            : throw new NotFoundException("No such visit, or it has been forgotten.");

    public async Task Forget()
    {
        unsaved = false;
        if (State.Started)
        {
            await visit.ClearStateAsync();
        }

        DeactivateOnIdle();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => SaveAsync(cancellationToken);

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        saveSoon?.Dispose();
        saveSoon = null;
        if (unsaved)
        {
            unsaved = false;
            await visit.WriteStateAsync();
        }
    }

    private IVisitFunnelGrain Funnel => GrainFactory.GetGrain<IVisitFunnelGrain>(GrainKeys.Property(org, property));
}
