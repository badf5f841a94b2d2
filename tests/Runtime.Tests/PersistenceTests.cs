using Actors.Runtime.TestHost;

namespace Actors.Runtime.Tests;

/// <summary>Guarantees 3 and 4 on PostgreSQL: one activation commits at a time; a returned write is durable.</summary>
public sealed class PersistenceTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task State_written_before_deactivation_and_restart_is_read_back()
    {
        await using var silo = await Silos.StartAsync(postgres.Database);
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>("restart");
        for (var i = 0; i < 5; i++)
        {
            await counter.Increment();
        }

        await silo.DeactivateAsync(counter);
        Assert.Equal(5, await counter.Get());

        await silo.RestartAsync();
        Assert.Equal(5, await silo.GrainFactory.GetGrain<ICounterGrain>("restart").Get());
    }

    [Fact]
    public async Task Two_activations_writing_the_same_grain_one_wins_and_the_other_gets_InconsistentStateException()
    {
        // Two silos over one database, as in a split brain: each holds an activation of the same grain.
        await using var left = await Silos.StartAsync(postgres.Database);
        await using var right = await Silos.StartAsync(postgres.Database);
        var onLeft = left.GrainFactory.GetGrain<ICounterGrain>("contested");
        var onRight = right.GrainFactory.GetGrain<ICounterGrain>("contested");
        Assert.Equal(0, await onLeft.Get());
        Assert.Equal(0, await onRight.Get());

        var outcomes = await Task.WhenAll(Attempt(() => onLeft.Set(11)), Attempt(() => onRight.Set(22)));

        Assert.Equal(1, outcomes.Count(o => o is null));
        Assert.IsType<InconsistentStateException>(Assert.Single(outcomes, o => o is not null));
        var stored = await postgres.Database.ScalarAsync<string>(
            "SELECT payload->>'value' FROM grain_state WHERE grain_key = 'contested'");
        var winner = outcomes[0] is null ? onLeft : onRight;
        var loser = outcomes[0] is null ? onRight : onLeft;
        Assert.Equal(stored, (await winner.Get()).ToString(System.Globalization.CultureInfo.InvariantCulture));

        // The losing activation deactivated, so its next call reads what the winner committed.
        Assert.Equal(int.Parse(stored, System.Globalization.CultureInfo.InvariantCulture), await loser.Get());
    }

    [Fact]
    public async Task A_stale_activation_cannot_overwrite_a_newer_write()
    {
        await using var left = await Silos.StartAsync(postgres.Database);
        await using var right = await Silos.StartAsync(postgres.Database);
        var onLeft = left.GrainFactory.GetGrain<ICounterGrain>("stale");
        var onRight = right.GrainFactory.GetGrain<ICounterGrain>("stale");
        await onLeft.Set(1);
        Assert.Equal(1, await onRight.Get());
        await onRight.Set(2);

        await Assert.ThrowsAsync<InconsistentStateException>(() => onLeft.Set(3));

        Assert.Equal(2, await onLeft.Get());
        Assert.Equal(2, await postgres.Database.ScalarAsync<long>("SELECT version FROM grain_state WHERE grain_key = 'stale'"));
    }

    private static async Task<Exception?> Attempt(Func<Task> write)
    {
        try
        {
            await write();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }
}
