using Actors.Api.Problems;
using Microsoft.AspNetCore.SignalR;

namespace Actors.Api.Boards;

public static class BoardEndpoints
{
    public const string HubPath = "/hubs/board";

    public static IServiceCollection AddBoards(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BoardOptions>().Bind(configuration.GetSection("Boards"));
        services.AddSingleton<BoardConnections>();
        services.AddSingleton<BoardMetrics>();
        services.AddSingleton<BoardRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<BoardRelay>());
        services.AddSingleton<BoardLifetimeManager>();
        services.AddSingleton<HubLifetimeManager<BoardHub>>(sp => sp.GetRequiredService<BoardLifetimeManager>());
        services.AddSignalR();
        return services;
    }

    /// <summary>
    /// Maps the board hub for signed-in accounts (401 before a connection exists, so a board knows
    /// to sign in again); a node at its connection limit refuses new boards with a 503 problem.
    /// Only signed-in connections reach the hub, so only they count against the limit.
    /// </summary>
    public static WebApplication MapBoards(this WebApplication app)
    {
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(HubPath) && app.Services.GetRequiredService<BoardConnections>().IsFull,
            refused => refused.Run(context => Results.Problem(
                title: ProblemTypes.TitleOf("connection-limit"),
                detail: "Try another node or later.",
                statusCode: ProblemTypes.StatusOf("connection-limit"),
                type: ProblemTypes.For("connection-limit")).ExecuteAsync(context)));
        app.MapHub<BoardHub>(HubPath).RequireAuthorization();
        return app;
    }
}
