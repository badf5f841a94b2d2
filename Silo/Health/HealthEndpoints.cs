using Actors.Runtime;
using Actors.Runtime.Persistence;

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

    private static async Task<IResult> CheckReadyAsync(IGrainStorage storage, IServiceProvider services, CancellationToken cancellationToken)
    {
        // An API node that joined as a client is of no use until some silo can host its grains.
        if (services.GetService<IClusterStatus>() is { GrainHostingSilos: 0 })
        {
            return TypedResults.Problem(
                title: "No silo is hosting grains",
                detail: "This node has joined the cluster, but no grain-hosting silo is active yet.",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                type: "https://bookings.example/problems/no-silo");
        }

        var persistence = storage.IsDurable ? "postgres" : "memory (not persisted)";
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await storage.CheckAsync(timeout.Token);
            return TypedResults.Ok(new HealthReport("ready", persistence));
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
