using System.Security.Cryptography;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Organizations;
using Actors.Grains.Abstractions.Users;
using Orleans;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Actors.Api.Members;

/// <summary>
/// Gives the demo organization (seeded by the silo in the embedded default) an owner to sign in
/// as, and says how. The password comes from "Demo:OwnerPassword" or is random and printed: a
/// well-known default would be a well-known way into any demo left reachable.
/// </summary>
internal sealed class SeedDemoOwnerTask(
    IGrainFactory grains,
    IConfiguration configuration,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<SeedDemoOwnerTask> logger) : IHostedService
{
    public const string Organization = "demo";
    public const string Property = "harbour-view";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var organization = grains.GetGrain<IOrganizationGrain>(Organization);
        try
        {
            if ((await organization.Members()).Count > 0)
            {
                return;
            }
        }
        catch (NotFoundException)
        {
            return;
        }

        var email = Emails.Normalize(configuration["Demo:Owner"] ?? "demo@example.com");
        var configured = configuration["Demo:OwnerPassword"] is { Length: > 0 } given ? given : null;
        var password = configured ?? "demo-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        await grains.GetGrain<IUserGrain>(email).Register(new NewAccount("Demo owner", password));
        await organization.AddMember(email, Role.Owner);

        // Said once the server listens, so the line names the address it really took.
        lifetime.ApplicationStarted.Register(() => Announce(email, configured is null ? password : "(the configured Demo:OwnerPassword)"));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Announce(string email, string password)
    {
        var address = Address();
        logger.LogInformation(
            "Demo owner: open the room board at {Board} and sign in as {Email} with password {Password}. The API: POST {Address}/api/sign-in with {{\"email\":\"{Email}\",\"password\":\"...\"}}, then send 'Authorization: Bearer <token>'.",
            $"{address}/board?org={Organization}&property={Property}", email, password, address, email);
    }

    /// <summary>The first address the server listens on, with a wildcard host made one a browser can open.</summary>
    private string Address()
    {
        var first = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
        return first.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .TrimEnd('/');
    }
}
