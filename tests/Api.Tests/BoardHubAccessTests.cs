using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace Actors.Api.Tests;

/// <summary>The board hub admits members only, and only to the boards of their own organizations.</summary>
public sealed class BoardHubAccessTests(IsolationApi api) : IClassFixture<IsolationApi>
{
    [Fact]
    public async Task A_member_follows_its_own_board_but_not_another_organizations()
    {
        await using var hub = await ConnectAsync(api.OwnerToken);

        var own = await FirstEventAsync(hub, IsolationApi.Alpha, "hotel");
        var other = await Assert.ThrowsAsync<HubException>(() => FirstEventAsync(hub, IsolationApi.Bravo, IsolationApi.BravoProperty));

        Assert.Equal("PropertyCreated", own);
        Assert.Contains("not a member of 'bravo'", other.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_whose_header_names_one_organization_cannot_follow_another()
    {
        // Alpha's owner also owns the fixture's home organization; the header pins the connection to it.
        await using var hub = await ConnectAsync(api.OwnerToken, organizationHeader: IsolationApi.Bravo);

        var refused = await Assert.ThrowsAsync<HubException>(() => FirstEventAsync(hub, IsolationApi.Alpha, "hotel"));

        Assert.Contains("for 'bravo', not 'alpha'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Following_a_property_that_does_not_exist_is_refused_and_refusals_are_warnings_without_stack_traces()
    {
        var nowhere = "nowhere-" + Guid.NewGuid().ToString("N")[..8];
        await using var hub = await ConnectAsync(api.OwnerToken);

        var unknown = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<long>("Follow", IsolationApi.Alpha, nowhere, 0L));
        var foreign = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<long>("Follow", IsolationApi.Bravo, IsolationApi.BravoProperty, 0L));

        Assert.Contains($"No property '{nowhere}'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("not a member of 'bravo'", foreign.Message, StringComparison.Ordinal);
        var logged = api.App.Logs.Lines;
        // Other tests of the class are refused 'bravo' too: each refusal is one warning line.
        var refusals = logged.Where(l => l.Message.Contains(nowhere, StringComparison.Ordinal) || l.Message.Contains("not a member of 'bravo'", StringComparison.Ordinal)).ToList();
        Assert.Single(refusals, l => l.Message.Contains(nowhere, StringComparison.Ordinal));
        Assert.Contains(refusals, l => l.Message.Contains("not a member of 'bravo'", StringComparison.Ordinal));
        Assert.All(refusals, l =>
        {
            Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, l.Level);
            Assert.Null(l.Exception);
        });
        Assert.DoesNotContain(logged, l => l.Exception is HubException);
    }

    [Fact]
    public async Task Without_a_valid_token_the_hub_refuses_the_connection()
    {
        var anonymous = new HubConnectionBuilder().WithUrl(new Uri(api.App.Address, "/hubs/board")).Build();
        var forged = new HubConnectionBuilder()
            .WithUrl(new Uri(api.App.Address, "/hubs/board"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(api.OwnerToken[..^4] + "AAAA"))
            .Build();

        await Assert.ThrowsAnyAsync<Exception>(() => ConnectAndFollowAsync(anonymous));
        await Assert.ThrowsAnyAsync<Exception>(() => ConnectAndFollowAsync(forged));
        await anonymous.DisposeAsync();
        await forged.DisposeAsync();
    }

    private async Task<HubConnection> ConnectAsync(string token, string? organizationHeader = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(api.App.Address, "/hubs/board"), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                if (organizationHeader is not null)
                {
                    options.Headers["X-Organization"] = organizationHeader;
                }
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    private static async Task ConnectAndFollowAsync(HubConnection connection)
    {
        await connection.StartAsync();
        await FirstEventAsync(connection, IsolationApi.Alpha, "hotel");
    }

    private static async Task<string> FirstEventAsync(HubConnection hub, string organization, string property)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var first = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var handler = hub.On<BoardMessage>("BoardEvent", message => first.TrySetResult(message.Type));
        await hub.InvokeAsync<long>("Follow", organization, property, 0L, timeout.Token);
        return await first.Task.WaitAsync(timeout.Token);
    }

    public sealed record BoardMessage(long Sequence, string Type);
}
