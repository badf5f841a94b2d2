using System.Globalization;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Funnel;
using Orleans;
using Orleans.Runtime;

namespace Actors.Grains.Funnel;

[GrainType("ab-tests")]
internal sealed class AbTestsGrain(
    [PersistentState("abTests")] IPersistentState<AbTestsState> tests,
    TimeProvider time) : Grain, IAbTestsGrain
{
    private const int MaxTests = 200;

    // In memory only: after a restart the dealing starts over, which shifts the shares by at most one visit per variant.
    private (string TestId, int[] Credit) dealing = ("", []);

    private Dictionary<string, AbTestView> Tests => tests.State.Tests;

    public async Task<AbTestView> Define(NewAbTest test)
    {
        var errors = new FieldErrors();
        test.Check(errors);
        errors.ThrowIfAny();
        if (Tests.Count >= MaxTests)
        {
            throw new ConflictException($"A property keeps at most {MaxTests} A/B tests.");
        }

        var id = (++tests.State.LastId).ToString(CultureInfo.InvariantCulture);
        var view = new AbTestView(id, test.Name.Trim(), AbTestStatus.Draft, [.. test.Variants.Select(v => v with { RoomTypeOrder = v.RoomTypeOrder ?? [] })], time.GetUtcNow(), null, null);
        Tests[id] = view;
        await tests.WriteStateAsync();
        return view;
    }

    public Task<IReadOnlyList<AbTestView>> List() =>
        Task.FromResult<IReadOnlyList<AbTestView>>([.. Tests.Values.OrderBy(t => t.CreatedAt)]);

    public Task<AbTestView> Get(string testId) => Task.FromResult(Find(testId));

    public async Task<AbTestView> Start(string testId)
    {
        var test = Find(testId);
        if (test.Status == AbTestStatus.Running)
        {
            return test;
        }

        if (test.Status == AbTestStatus.Stopped)
        {
            throw new InvalidTransitionException("A stopped test cannot start again: its visitors were counted once; define a new test.");
        }

        if (Tests.Values.FirstOrDefault(t => t.Status == AbTestStatus.Running) is { } running)
        {
            throw new ConflictException($"Test {running.Id} ('{running.Name}') is running; stop it first, so each visit counts for one test.");
        }

        return await SaveAsync(test with { Status = AbTestStatus.Running, StartedAt = time.GetUtcNow() });
    }

    public async Task<AbTestView> Stop(string testId)
    {
        var test = Find(testId);
        return test.Status switch
        {
            AbTestStatus.Stopped => test,
            AbTestStatus.Draft => throw new InvalidTransitionException("This test never started."),
            _ => await SaveAsync(test with { Status = AbTestStatus.Stopped, StoppedAt = time.GetUtcNow() }),
        };
    }

    public Task<IReadOnlyList<VariantShown>> Assign()
    {
        if (Tests.Values.FirstOrDefault(t => t.Status == AbTestStatus.Running) is not { } running)
        {
            return Task.FromResult<IReadOnlyList<VariantShown>>([]);
        }

        // Smooth weighted round robin: visitors are dealt out in exactly the weights' shares, spread
        // evenly, so even a few dozen visits split as the manager asked (a random draw would not).
        if (dealing.TestId != running.Id)
        {
            dealing = (running.Id, new int[running.Variants.Count]);
        }

        var total = running.Variants.Sum(v => v.Weight);
        var next = 0;
        for (var i = 0; i < running.Variants.Count; i++)
        {
            dealing.Credit[i] += running.Variants[i].Weight;
            if (dealing.Credit[i] > dealing.Credit[next])
            {
                next = i;
            }
        }

        dealing.Credit[next] -= total;
        var chosen = running.Variants[next];
        return Task.FromResult<IReadOnlyList<VariantShown>>([new VariantShown(running.Id, chosen.Key, chosen.Headline, chosen.RoomTypeOrder, chosen.ShowRoomsLeft)]);
    }

    private AbTestView Find(string testId) =>
        Tests.TryGetValue(testId, out var test) ? test : throw new NotFoundException($"No A/B test '{testId}' at this property.");

    private async Task<AbTestView> SaveAsync(AbTestView test)
    {
        Tests[test.Id] = test;
        await tests.WriteStateAsync();
        return test;
    }
}
