using System.Text.Json.Serialization;
using Actors.Api.Audit;
using Actors.Api.Auth;
using Actors.Api.Availability;
using Actors.Api.Boards;
using Actors.Api.Bookings;
using Actors.Api.Exports;
using Actors.Api.Guests;
using Actors.Api.Mail;
using Actors.Api.Members;
using Actors.Api.Onboarding;
using Actors.Api.Organizations;
using Actors.Api.Pages;
using Actors.Api.Problems;
using Actors.Api.Operations;
using Actors.Api.Product;
using Actors.Api.Reference;
using Actors.Api.Webhooks;
using Actors.Api.Figures;
using Actors.Api.Funnel;
using Actors.Silo.Operations;
using Actors.Api.Properties;
using Actors.Api.Rooms;
using Actors.Api.Security;
using Actors.Silo.Hosting;
using Actors.Silo.Health;
using Actors.Silo.Telemetry;

namespace Actors.Api;

/// <summary>The whole HTTP host in two calls, shared by Program.cs and the tests that start it for real.</summary>
public static class BookingPlatformExtensions
{
    public static WebApplicationBuilder AddBookingPlatform(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemTypes.UseOurs);
        builder.Services.AddExceptionHandler<BadRequestHandler>();
        builder.Services.AddSingleton<AuditTrail>();
        // Unreadable bodies throw, so BadRequestHandler can answer with the field that is wrong.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = builder.Configuration["Product:Name"] ?? document.Info.Title;
            return Task.CompletedTask;
        }));
        builder.Services.AddApiReference();
        builder.AddBookingSilo();
        builder.AddBookingTelemetry();
        builder.AddSharedDataProtection();
        builder.Services.AddBoards(builder.Configuration);
        builder.Services.AddPayments(builder.Configuration);
        builder.AddPlatformSecurity();
        builder.AddOperatorPages();
        builder.AddMail();
        return builder;
    }

    public static WebApplication MapBookingPlatform(this WebApplication app)
    {
        app.UseTrustedProxies();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UsePlatformSecurity();
        app.ReportDataProtection();
        app.MapOpenApi();
        app.MapApiReference();
        app.MapOperatorPages();
        app.MapHealthEndpoints();
        app.MapDeadLetters();
        app.MapPages();
        app.MapBoards();
        app.MapProductEndpoints();
        app.MapPayments();
        var orgs = app.MapGroup("/api/orgs")
            .WithTags("Organizations")
            .AddEndpointFilter<AuditFilter>()
            .AddEndpointFilter<DomainProblemFilter>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        orgs.MapOrganizationsApi();
        orgs.MapPropertiesApi();
        orgs.MapRoomsApi();
        orgs.MapRoomBlocksApi();
        orgs.MapAvailabilityApi();
        orgs.MapFiguresApi();
        orgs.MapVisitsApi();
        orgs.MapAbTestsApi();
        orgs.MapFunnelApi();
        orgs.MapBookingsApi();
        orgs.MapAutoAssignApi();
        orgs.MapBoardApi();
        orgs.MapMembersApi();
        orgs.MapAuditApi();
        orgs.MapWebhooksApi();
        orgs.MapExportApi();
        orgs.MapOnboardingApi();
        // Every endpoint under /api/orgs gets its access from one table, whoever maps it.
        ((IEndpointConventionBuilder)orgs).Finally(AccessRules.Apply);
        var accounts = app.MapGroup("/api")
            .WithTags("Accounts")
            .AddEndpointFilter<AuditFilter>()
            .AddEndpointFilter<DomainProblemFilter>()
            .ProducesValidationProblem();
        accounts.MapAccountsApi();
        accounts.MapSessionsApi();
        accounts.MapPasswordResetApi();
        accounts.MapInvitationsApi();
        app.MapGroup("/api/guest")
            .AddEndpointFilter<DomainProblemFilter>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .MapGuestBookingsApi();
        return app;
    }
}
