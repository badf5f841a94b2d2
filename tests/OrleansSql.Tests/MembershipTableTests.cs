using Orleans;
using Orleans.Runtime;

namespace Actors.OrleansSql.Tests;

/// <summary>
/// Orleans' ADO.NET membership table (AdoNetClusteringTable, AdoNetGatewayListProvider) runs on
/// our SQL: the version protocol holds under races, and the reads give back what silos wrote.
/// </summary>
public sealed class MembershipTableTests(OrleansDatabase db) : IClassFixture<OrleansDatabase>
{
    private static string NewCluster() => $"cluster-{Guid.NewGuid():N}";

    [Fact]
    public async Task An_empty_deployment_reads_back_its_version_row_and_no_silos()
    {
        var table = await Membership.TableAsync(db.ConnectionString, NewCluster());

        var all = await table.ReadAllAsync();
        var one = await table.ReadRowAsync(Membership.Silo(11111).SiloAddress);

        Assert.Empty(all.Members);
        Assert.Equal(0, all.Version.Version);
        Assert.Equal("0", all.Version.VersionEtag);
        Assert.Empty(one.Members);
        Assert.Equal(0, one.Version.Version);
    }

    [Fact]
    public async Task The_version_row_is_created_once_per_deployment()
    {
        var cluster = NewCluster();
        await Membership.TableAsync(db.ConnectionString, cluster);
        await Membership.TableAsync(db.ConnectionString, cluster);

        var text = await db.QueryTextAsync("InsertMembershipVersionKey");
        Assert.Equal(0, await RawQuery.ScalarAsync<int>(db.ConnectionString, text, ("DeploymentId", cluster)));
        Assert.Equal(1, await RawQuery.ScalarAsync<int>(db.ConnectionString, text, ("DeploymentId", NewCluster())));
        Assert.Equal(1L, await db.Database.ScalarAsync<long>(
            "SELECT count(*) FROM orleans_membership_version WHERE deployment_id = $1", cluster));
    }

    [Fact]
    public async Task A_joining_silo_is_inserted_and_moves_the_table_version_on()
    {
        var table = await Membership.TableAsync(db.ConnectionString, NewCluster());
        var silo = Membership.Silo(11111, SiloStatus.Joining, proxyPort: 30000);
        silo.SuspectTimes = null;

        var version = (await table.ReadAllAsync()).Version;
        Assert.True(await table.InsertRowAsync(silo, version.Next()));

        var read = await table.ReadRowAsync(silo.SiloAddress);
        var (entry, _) = Assert.Single(read.Members);
        Assert.Equal(1, read.Version.Version);
        Assert.Equal(silo.SiloAddress, entry.SiloAddress);
        Assert.Equal(silo.SiloName, entry.SiloName);
        Assert.Equal(silo.HostName, entry.HostName);
        Assert.Equal(SiloStatus.Joining, entry.Status);
        Assert.Equal(30000, entry.ProxyPort);
        Assert.Equal(silo.StartTime, entry.StartTime);
        Assert.Equal(silo.IAmAliveTime, entry.IAmAliveTime);
        Assert.Equal(DateTimeKind.Utc, entry.StartTime.Kind);
    }

    [Fact]
    public async Task Silos_racing_to_join_on_the_same_table_version_let_exactly_one_win_per_version()
    {
        var cluster = NewCluster();
        var tables = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Membership.TableAsync(db.ConnectionString, cluster)));

        for (var round = 0; round < 3; round++)
        {
            var version = (await tables[0].ReadAllAsync()).Version;
            var results = await Task.WhenAll(tables.Select((table, i) =>
                table.InsertRowAsync(Membership.Silo(20000 + (round * 100) + i), version.Next())));

            Assert.Equal(1, results.Count(won => won));
            var after = await tables[0].ReadAllAsync();
            Assert.Equal(round + 1, after.Members.Count);
            Assert.Equal(version.Version + 1, after.Version.Version);
        }
    }

    [Fact]
    public async Task An_insert_with_a_stale_table_version_is_refused_and_changes_nothing()
    {
        var table = await Membership.TableAsync(db.ConnectionString, NewCluster());
        var stale = (await table.ReadAllAsync()).Version;
        Assert.True(await table.InsertRowAsync(Membership.Silo(11111), stale.Next()));

        Assert.False(await table.InsertRowAsync(Membership.Silo(11112), stale.Next()));

        var after = await table.ReadAllAsync();
        Assert.Single(after.Members);
        Assert.Equal(1, after.Version.Version);
    }

    [Fact]
    public async Task Inserting_a_silo_that_is_already_there_is_refused_without_moving_the_version()
    {
        var table = await Membership.TableAsync(db.ConnectionString, NewCluster());
        var silo = Membership.Silo(11111);
        Assert.True(await table.InsertRowAsync(silo, (await table.ReadAllAsync()).Version.Next()));

        Assert.False(await table.InsertRowAsync(silo, (await table.ReadAllAsync()).Version.Next()));

        Assert.Equal(1, (await table.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task An_update_on_the_current_version_wins_and_a_racing_update_on_the_same_version_is_refused()
    {
        var cluster = NewCluster();
        var first = await Membership.TableAsync(db.ConnectionString, cluster);
        var second = await Membership.TableAsync(db.ConnectionString, cluster);
        var silo = Membership.Silo(11111);
        var voter = Membership.Silo(11112);
        Assert.True(await first.InsertRowAsync(silo, (await first.ReadAllAsync()).Version.Next()));
        var read = await first.ReadAllAsync();

        silo.Status = SiloStatus.Active;
        var suspected = Membership.Silo(11111);
        suspected.Status = SiloStatus.Joining;
        suspected.AddOrUpdateSuspector(voter.SiloAddress, Membership.Millis(DateTime.UtcNow), 10);
        var results = await Task.WhenAll(
            first.UpdateRowAsync(silo, read.Members[0].Item2, read.Version.Next()),
            second.UpdateRowAsync(suspected, read.Members[0].Item2, read.Version.Next()));

        Assert.Equal(1, results.Count(won => won));
        var after = await first.ReadAllAsync();
        Assert.Equal(read.Version.Version + 1, after.Version.Version);
        var (entry, _) = Assert.Single(after.Members);
        var winner = results[0] ? silo : suspected;
        Assert.Equal(winner.Status, entry.Status);
        Assert.Equal(winner.SuspectTimes?.Count ?? 0, entry.SuspectTimes?.Count ?? 0);
    }

    [Fact]
    public async Task An_update_with_a_stale_table_version_is_refused()
    {
        var table = await Membership.TableAsync(db.ConnectionString, NewCluster());
        var silo = Membership.Silo(11111);
        Assert.True(await table.InsertRowAsync(silo, (await table.ReadAllAsync()).Version.Next()));
        var stale = await table.ReadAllAsync();
        silo.Status = SiloStatus.Active;
        Assert.True(await table.UpdateRowAsync(silo, stale.Members[0].Item2, stale.Version.Next()));

        silo.Status = SiloStatus.ShuttingDown;
        Assert.False(await table.UpdateRowAsync(silo, stale.Members[0].Item2, stale.Version.Next()));

        var after = await table.ReadAllAsync();
        Assert.Equal(stale.Version.Version + 1, after.Version.Version);
        Assert.Equal(SiloStatus.Active, Assert.Single(after.Members).Item1.Status);
    }

    [Fact]
    public async Task Suspicions_written_by_an_update_read_back_as_votes()
    {
        var table = await Membership.TableAsync(db.ConnectionString, NewCluster());
        var silo = Membership.Silo(11111, SiloStatus.Active);
        Assert.True(await table.InsertRowAsync(silo, (await table.ReadAllAsync()).Version.Next()));
        var voteTime = Membership.Millis(DateTime.UtcNow);
        silo.AddOrUpdateSuspector(Membership.Silo(11112).SiloAddress, voteTime, 10);
        silo.AddOrUpdateSuspector(Membership.Silo(11113).SiloAddress, voteTime, 10);

        var read = await table.ReadAllAsync();
        Assert.True(await table.UpdateRowAsync(silo, read.Members[0].Item2, read.Version.Next()));

        var (entry, _) = Assert.Single((await table.ReadRowAsync(silo.SiloAddress)).Members);
        Assert.NotNull(entry.SuspectTimes);
        Assert.Equal(
            [Membership.Silo(11112).SiloAddress, Membership.Silo(11113).SiloAddress],
            entry.SuspectTimes.Select(vote => vote.Item1).Order());
        Assert.All(entry.SuspectTimes, vote => Assert.Equal(voteTime, vote.Item2));
    }

    [Fact]
    public async Task I_am_alive_moves_only_the_heartbeat_and_leaves_the_version_alone()
    {
        var table = await Membership.TableAsync(db.ConnectionString, NewCluster());
        var silo = Membership.Silo(11111, SiloStatus.Active);
        var other = Membership.Silo(11112, SiloStatus.Active);
        Assert.True(await table.InsertRowAsync(silo, (await table.ReadAllAsync()).Version.Next()));
        Assert.True(await table.InsertRowAsync(other, (await table.ReadAllAsync()).Version.Next()));

        silo.IAmAliveTime = silo.IAmAliveTime.AddMinutes(5);
        await table.UpdateIAmAliveAsync(silo);

        var after = await table.ReadAllAsync();
        Assert.Equal(2, after.Version.Version);
        var entries = after.Members.Select(m => m.Item1).ToDictionary(m => m.SiloAddress);
        Assert.Equal(silo.IAmAliveTime, entries[silo.SiloAddress].IAmAliveTime);
        Assert.Equal(other.IAmAliveTime, entries[other.SiloAddress].IAmAliveTime);
    }

    [Fact]
    public async Task Clients_are_given_only_active_silos_with_their_gateway_port()
    {
        var cluster = NewCluster();
        var table = await Membership.TableAsync(db.ConnectionString, cluster);
        var active = Membership.Silo(11111, SiloStatus.Active, generation: 7, proxyPort: 30001);
        foreach (var silo in new[]
        {
            active,
            Membership.Silo(11112, SiloStatus.Joining, proxyPort: 30002),
            Membership.Silo(11113, SiloStatus.ShuttingDown, proxyPort: 30003),
            Membership.Silo(11114, SiloStatus.Dead, proxyPort: 30004),
            Membership.Silo(11115, SiloStatus.Active, proxyPort: 0),
        })
        {
            Assert.True(await table.InsertRowAsync(silo, (await table.ReadAllAsync()).Version.Next()));
        }

        var otherCluster = await Membership.TableAsync(db.ConnectionString, NewCluster());
        Assert.True(await otherCluster.InsertRowAsync(
            Membership.Silo(11116, SiloStatus.Active, proxyPort: 30006), (await otherCluster.ReadAllAsync()).Version.Next()));

        var gateways = await Membership.GatewaysAsync(db.ConnectionString, cluster);

        var gateway = Assert.Single(gateways);
        Assert.Equal(SiloAddress.New(IPAddressOf(active), 30001, 7).ToGatewayUri(), gateway);
    }

    [Fact]
    public async Task Cleanup_removes_only_dead_silos_not_heard_from_since_the_cutoff()
    {
        var table = await Membership.TableAsync(db.ConnectionString, NewCluster());
        var cutoff = Membership.Millis(DateTime.UtcNow.AddHours(-1));
        var old = cutoff.AddHours(-2);
        var deadOld = Membership.Silo(11111, SiloStatus.Dead, iAmAlive: old, start: old);
        var deadRecent = Membership.Silo(11112, SiloStatus.Dead);
        var activeOld = Membership.Silo(11113, SiloStatus.Active, iAmAlive: old, start: old);
        foreach (var silo in new[] { deadOld, deadRecent, activeOld })
        {
            Assert.True(await table.InsertRowAsync(silo, (await table.ReadAllAsync()).Version.Next()));
        }

        await table.CleanupDefunctSiloEntriesAsync(cutoff);

        var left = (await table.ReadAllAsync()).Members.Select(m => m.Item1.SiloAddress).Order().ToList();
        Assert.Equal([deadRecent.SiloAddress, activeOld.SiloAddress], left);
    }

    [Fact]
    public async Task The_bulk_cleanup_query_removes_only_dead_silos_not_heard_from_since_the_cutoff()
    {
        // Orleans 10.4 prefers CleanupDefunctSiloEntryKey when present, so the bulk key is run here
        // directly, with the parameters older providers bind.
        var cluster = NewCluster();
        var table = await Membership.TableAsync(db.ConnectionString, cluster);
        var cutoff = Membership.Millis(DateTime.UtcNow.AddHours(-1));
        var old = cutoff.AddHours(-2);
        var deadOld = Membership.Silo(11111, SiloStatus.Dead, iAmAlive: old, start: old);
        var deadRecent = Membership.Silo(11112, SiloStatus.Dead);
        var activeOld = Membership.Silo(11113, SiloStatus.Active, iAmAlive: old, start: old);
        foreach (var silo in new[] { deadOld, deadRecent, activeOld })
        {
            Assert.True(await table.InsertRowAsync(silo, (await table.ReadAllAsync()).Version.Next()));
        }

        await RawQuery.ExecuteAsync(db.ConnectionString, await db.QueryTextAsync("CleanupDefunctSiloEntriesKey"),
            ("DeploymentId", cluster), ("IAmAliveTime", cutoff));

        var left = (await table.ReadAllAsync()).Members.Select(m => m.Item1.SiloAddress).Order().ToList();
        Assert.Equal([deadRecent.SiloAddress, activeOld.SiloAddress], left);
    }

    [Fact]
    public async Task Deleting_a_deployment_removes_its_silos_and_version_and_no_other_deployments()
    {
        var cluster = NewCluster();
        var table = await Membership.TableAsync(db.ConnectionString, cluster);
        var other = await Membership.TableAsync(db.ConnectionString, NewCluster());
        Assert.True(await table.InsertRowAsync(Membership.Silo(11111), (await table.ReadAllAsync()).Version.Next()));
        Assert.True(await other.InsertRowAsync(Membership.Silo(11111), (await other.ReadAllAsync()).Version.Next()));

        await table.DeleteMembershipTableEntriesAsync(cluster);

        Assert.Equal(0L, await db.Database.ScalarAsync<long>(
            "SELECT count(*) FROM orleans_membership WHERE deployment_id = $1", cluster));
        Assert.Equal(0L, await db.Database.ScalarAsync<long>(
            "SELECT count(*) FROM orleans_membership_version WHERE deployment_id = $1", cluster));
        Assert.Single((await other.ReadAllAsync()).Members);

        var restarted = await Membership.TableAsync(db.ConnectionString, cluster);
        var fresh = await restarted.ReadAllAsync();
        Assert.Empty(fresh.Members);
        Assert.Equal(0, fresh.Version.Version);
    }

    private static System.Net.IPAddress IPAddressOf(MembershipEntry entry) => entry.SiloAddress.Endpoint.Address;
}
