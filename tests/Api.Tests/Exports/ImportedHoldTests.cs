using Actors.Persistence.Testing;
using Xunit;

namespace Actors.Api.Tests.Exports;

/// <summary>A hold brought over by an import keeps its expiry and lapses there on time (its timer, or its room's hold watch), freeing the room.</summary>
public sealed class ImportedHoldTests(ShortHoldApi api) : IClassFixture<ShortHoldApi>
{
    [Fact]
    public async Task An_imported_hold_expires_in_its_new_organization_when_its_time_comes()
    {
        var source = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var id = (await api.Client.PostAsync($"/api/orgs/{source}/bookings", ApiFixture.Stay("d1", 1, 3)).OkAsync()).GetProperty("id").GetString()!;
        var document = await api.Client.GetAsync($"/api/orgs/{source}/export").OkAsync();
        var target = "new-" + Guid.NewGuid().ToString("N")[..12];
        await api.Client.PostAsync("/api/orgs", new { id = target, name = "New Hotels", plan = "Premium" }).OkAsync();

        await api.Client.PostAsync($"/api/orgs/{target}/import", document).OkAsync();

        Assert.Equal("Held", document.GetProperty("properties")[0].GetProperty("bookings")[0].GetProperty("status").GetString());
        // Storage, not the API: a read through the booking would expire a due hold itself, and this is about the hold lapsing by itself.
        await Eventually.Until(
            () => api.Database.ScalarAsync<string>(
                """
                SELECT (SELECT payload->>'status' FROM grain_state WHERE grain_type = 'booking' AND grain_key = $1)
                    || ' ' || (SELECT count(*) FROM stays WHERE room_key = $2)
                """,
                $"{target}/{id}", $"{target}/hotel/d1"),
            seen => seen == "Expired 0");
        // Two writes: restored as held, then expired when its time came (a hold that lapsed on the way would arrive expired in one).
        Assert.True(await api.Database.ScalarAsync<long>("SELECT version FROM grain_state WHERE grain_type = 'booking' AND grain_key = $1", $"{target}/{id}") >= 2);
        var again = await api.Client.PostAsync($"/api/orgs/{target}/bookings", ApiFixture.Stay("d1", 1, 3, "Bea")).OkAsync();
        Assert.Equal("Held", ApiFixture.Status(again));
    }
}
