using Actors.Persistence.Streams;
using Actors.Persistence.State;
using Orleans.Runtime;

namespace Actors.Silo.Health;

/// <summary>Liveness (the process answers) and readiness (storage answers) for load balancers and probes.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var health = endpoints.MapGroup("/health").WithTags("Health");
        health.MapGet("/live", () => TypedResults.Ok(new HealthReport("live", null)));
        health.MapGet("/ready", CheckReadyAsync);
        return endpoints;
    }

    private static async Task<IResult> CheckReadyAsync(IOutboxStore storage, IServiceProvider services, CancellationToken cancellationToken)
    {
        // A silo is of no use until Orleans' membership counts it active (joining, or shutting down).
        if (services.GetService<IClusterMembershipService>() is { } membership
            && membership.CurrentSnapshot.GetSiloStatus(services.GetRequiredService<ILocalSiloDetails>().SiloAddress) != SiloStatus.Active)
        {
            return TypedResults.Problem(
                title: "This silo is not active in the cluster",
                detail: "Orleans' membership does not count this silo as active yet (or any more).",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                type: "https://bookings.example/problems/no-silo");
        }

        var persistence = storage.IsDurable ? "postgres" : "memory (not persisted)";
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await storage.CheckAsync(timeout.Token);
            var deadLetters = await services.GetRequiredService<IDeadLetters>().CountWaitingAsync(timeout.Token);
            return TypedResults.Ok(new HealthReport("ready", persistence, deadLetters));
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return TypedResults.Problem(
                title: "Storage is not reachable",
                detail: exception.Message,
                statusCode: StatusCodes.Status503ServiceUnavailable,
                type: "https://bookings.example/problems/storage-unavailable");
        }
    }
}
