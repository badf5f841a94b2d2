namespace Actors.OrleansSql.Tests;

/// <summary>The OrleansQuery catalogue holds every key the 10.4.2 providers ask for.</summary>
public sealed class QueryCatalogueTests(OrleansDatabase db) : IClassFixture<OrleansDatabase>
{
    public static readonly TheoryData<string> Keys =
    [
        "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey",
        "MembershipReadRowKey", "MembershipReadAllKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey",
        "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "DeleteReminderRowKey", "DeleteReminderRowsKey",
        "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey", "DeleteStorageKey",
    ];

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task The_catalogue_has_a_query_text_for(string key)
    {
        // The providers' own unquoted SELECT, so the table name folding is checked too.
        var text = await RawQuery.ScalarAsync<string?>(db.ConnectionString,
            $"SELECT QueryText FROM OrleansQuery WHERE QueryKey = '{key}'");

        Assert.False(string.IsNullOrWhiteSpace(text));
    }

    [Fact]
    public async Task The_clustering_provider_starts_with_the_catalogue_and_refuses_to_when_a_key_is_missing()
    {
        var cluster = $"cluster-{Guid.NewGuid():N}";
        await Membership.TableAsync(db.ConnectionString, cluster);

        var text = await db.QueryTextAsync("UpdateMembershipKey");
        await db.Database.ExecuteAsync("DELETE FROM OrleansQuery WHERE QueryKey = 'UpdateMembershipKey'");
        try
        {
            var refused = await Assert.ThrowsAsync<ArgumentException>(() => Membership.TableAsync(db.ConnectionString, cluster));
            Assert.Contains("UpdateMembershipKey", refused.Message);
        }
        finally
        {
            await db.Database.ExecuteAsync("INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ($1, $2)", "UpdateMembershipKey", text);
        }
    }

    [Fact]
    public async Task The_migration_is_recorded_once_and_applying_it_again_changes_nothing()
    {
        var before = await db.Database.ScalarAsync<long>("SELECT count(*) FROM OrleansQuery");
        var script = Persistence.Schema.SchemaScript.FromAssembly(typeof(Persistence.Schema.SchemaMigrator).Assembly)
            .Single(s => s.Name == "Orleans");

        await db.Database.ExecuteAsync(script.Sql);

        Assert.Equal(before, await db.Database.ScalarAsync<long>("SELECT count(*) FROM OrleansQuery"));
        Assert.Equal(1L, await db.Database.ScalarAsync<long>(
            "SELECT count(*) FROM schema_version WHERE component = 'Actors.Persistence' AND name = 'Orleans'"));
    }
}
