using System.Net;
using Actors.Persistence.Testing;
using Xunit;

namespace Actors.Api.Tests.Funnel;

/// <summary>
/// What a visit keeps and for how long: its details with the IP anonymized and only a device class,
/// forgotten when the retention period ends or when the owner purges visits; the counts stay.
/// </summary>
public sealed class VisitRetentionTests(ShortRetentionApi api) : IClassFixture<ShortRetentionApi>
{
    [Fact]
    public async Task A_visit_keeps_an_anonymized_ip_and_a_device_class_and_forgets_its_details_when_retention_ends()
    {
        var org = await api.OpenHotelAsync();
        using var guest = api.App.NewClient();
        guest.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148");
        var visit = await Visitors.StartIdAsync(guest, org, source: "newsletter", campaign: "\u200Bspring\u0007 ");
        await Visitors.StepsAsync(guest, org, visit, "viewed");

        var kept = await api.Client.GetAsync($"{Visitors.Hotel(org)}/visits/{visit}").OkAsync();
        var details = kept.GetProperty("details");
        Assert.Equal("mobile", details.GetProperty("device").GetString());
        Assert.Equal("127.0.0.0", details.GetProperty("anonymizedIp").GetString());
        Assert.Equal("spring", details.GetProperty("utmCampaign").GetString());
        Assert.DoesNotContain("iPhone", kept.GetRawText(), StringComparison.Ordinal);
        // Counting is no change to the hotel's data: the audit log, which keeps whole addresses, files none of it.
        var audit = await api.Client.GetAsync($"/api/orgs/{org}/audit").OkAsync();
        Assert.DoesNotContain("/visits", audit.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("/rooms", audit.GetRawText(), StringComparison.Ordinal);

        // Three seconds on, the sweep (every second) has forgotten it; its session still counts.
        await Eventually.Until(async () => (await api.Client.GetAsync($"{Visitors.Hotel(org)}/visits/{visit}")).StatusCode, s => s == HttpStatusCode.NotFound);
        var report = await Visitors.ReportAsync(api.Client, org);
        Assert.Equal(1, report.GetProperty("sessions").GetInt32());
        Assert.Equal("spring", Assert.Single(report.GetProperty("sources").EnumerateArray()).GetProperty("campaign").GetString());
    }

    [Fact]
    public async Task The_owner_forgets_every_visit_now_and_the_counts_stay()
    {
        var org = await api.OpenHotelAsync();
        using var guest = api.App.NewClient();
        var first = await Visitors.StartIdAsync(guest, org);
        var second = await Visitors.StartIdAsync(guest, org);
        await Visitors.StepsAsync(guest, org, first, "viewed");
        await Visitors.ReportWhenAsync(api.Client, org, r => r.GetProperty("sessions").GetInt32() == 2);

        var purged = await api.Client.DeleteAsync($"{Visitors.Hotel(org)}/visits");
        Assert.Equal(HttpStatusCode.OK, purged.StatusCode);
        foreach (var visit in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await api.Client.GetAsync($"{Visitors.Hotel(org)}/visits/{visit}")).StatusCode);
        }

        // A step of a forgotten visit counts nothing more.
        await Visitors.StepsAsync(guest, org, first, "searched");
        var report = await Visitors.ReportAsync(api.Client, org);
        Assert.Equal(2, report.GetProperty("sessions").GetInt32());
        Assert.Equal("1 0 0 0 0 0", Visitors.Steps(report));
    }
}
