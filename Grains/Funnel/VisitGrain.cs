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

    public async Task<StartedVisit> Start(VisitDetails details)
    {
        if (!State.Started)
        {
            var variants = await GrainFactory.GetGrain<IAbTestsGrain>(GrainKeys.Property(org, property)).Assign();
            State.Started = true;
            State.StartedAt = time.GetUtcNow();
            State.Details = details;
            State.Variants = [.. variants];
            await visit.WriteStateAsync();
            var (source, medium, campaign) = VisitSource.Of(details);
            var shown = variants.Count > 0 ? variants[0] : null;
            await Funnel.VisitStarted(new VisitStart(visitId, State.StartedAt, source, medium, campaign, shown?.TestId ?? "", shown?.Variant ?? ""));
        }

        return new StartedVisit(visitId, State.Variants);
    }

    public async Task Reach(FunnelStep step)
    {
        // Only the next step counts: a forged order, a repeat (a second search) or an unknown visit changes nothing.
        if (!State.Started || !FunnelSteps.FromThePage.Contains(step) || (int)step != State.Steps.Count + 1)
        {
            return;
        }

        State.Steps.Add(step);
        await Funnel.StepReached(visitId, step, time.GetUtcNow());
        // The counts are the funnel's; these steps only keep the order, so one write covers a visit's
        // quick succession of steps (or its deactivation) rather than one write per step.
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
