using Actors.Silo.Operations;
using Actors.Silo.Telemetry;
using Orleans.Dashboard;

namespace Actors.Api.Operations;

/// <summary>
/// What operators open on an API node: Orleans' cluster dashboard and the Prometheus metrics, both
/// behind the operator key (HTTP Basic, so a browser prompts for it). Neither is part of the API's
/// OpenAPI description: they are not operations a client integrates with.
/// </summary>
public static class OperatorPages
{
    // The dashboard is a React page with inline styles, served from this node; nothing from elsewhere.
    private const string DashboardPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    public static WebApplicationBuilder AddOperatorPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddOperatorAccess();
        return builder;
    }

    public static WebApplication MapOperatorPages(this WebApplication app)
    {
        app.MapMetrics();
        var dashboard = DashboardSettings.From(app.Configuration);
        if (dashboard.Enabled)
        {
            app.MapOrleansDashboard(dashboard.Path)
                .RequireAuthorization(OperatorAccess.Policy)
                .AddEndpointFilter(async (context, next) =>
                {
                    context.HttpContext.Response.Headers.ContentSecurityPolicy = DashboardPolicy;
                    return await next(context);
                })
                .ExcludeFromDescription();
        }

        return app;
    }
}
