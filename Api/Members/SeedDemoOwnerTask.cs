using System.Security.Cryptography;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Organizations;
using Actors.Grains.Abstractions.Users;
using Actors.Runtime;

namespace Actors.Api.Members;

/// <summary>
/// Gives the demo organization (seeded by the silo in the embedded default) an owner to sign in
/// as, and says how. The password comes from "Demo:OwnerPassword" or is random and printed: a
/// well-known default would be a well-known way into any demo left reachable.
/// </summary>
internal sealed class SeedDemoOwnerTask(IGrainFactory grains, IConfiguration configuration, ILogger<SeedDemoOwnerTask> logger) : IHostedService
{
    public const string Organization = "demo";

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
        var password = configuration["Demo:OwnerPassword"] is { Length: > 0 } configured
            ? configured
            : "demo-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        await grains.GetGrain<IUserGrain>(email).Register(new NewAccount("Demo owner", password));
        await organization.AddMember(email, Role.Owner);
        logger.LogInformation(
            "Demo owner: sign in as {Email} with password {Password}, e.g. curl -X POST localhost:5000/api/sign-in -H 'Content-Type: application/json' -d '{{\"email\":\"{Email}\",\"password\":\"{Password}\"}}', then send 'Authorization: Bearer <token>'",
            email, password, email, password);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
