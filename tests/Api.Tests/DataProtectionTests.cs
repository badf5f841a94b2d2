using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Actors.Api.Tests;

/// <summary>
/// With PostgreSQL the data protection key ring lives in the database, so whatever one node
/// protects (a cookie, an antiforgery token) another node, or the same one restarted, can read.
/// </summary>
public sealed class DataProtectionTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task What_one_node_protected_is_read_by_the_next_from_the_key_ring_in_postgres()
    {
        var protectedText = Protector(api).Protect("a cookie's payload");
        var keys = await api.Database.ScalarAsync<long>("SELECT count(*) FROM data_protection_keys WHERE friendly_name LIKE 'key-%'");
        Assert.True(keys >= 1, "no key in data_protection_keys");

        await api.RestartAsync();

        Assert.Equal("a cookie's payload", Protector(api).Unprotect(protectedText));
        Assert.Equal(keys, await api.Database.ScalarAsync<long>("SELECT count(*) FROM data_protection_keys WHERE friendly_name LIKE 'key-%'"));
    }

    private static IDataProtector Protector(ApiFixture api) =>
        api.App.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("tests");
}
