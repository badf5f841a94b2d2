using Actors.Api.Boards;
using Actors.Silo.Health;
using Actors.Silo;

namespace Actors.Api;

/// <summary>The whole HTTP host in two calls, shared by Program.cs and the tests that start it for real.</summary>
public static class BookingPlatformExtensions
{
    public static WebApplicationBuilder AddBookingPlatform(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddBookingSilo(builder.Configuration);
        builder.Services.AddBoards(builder.Configuration);
        return builder;
    }

    public static WebApplication MapBookingPlatform(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapHealthEndpoints();
        app.MapBoards();
        return app;
    }
}
