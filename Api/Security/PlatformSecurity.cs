using Actors.Api.Auth;
using Actors.Api.Members;
using Actors.Api.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Actors.Api.Security;

/// <summary>Sign-in, tenant resolution, roles, rate limits, CORS and security headers, wired in two calls.</summary>
public static class PlatformSecurity
{
    private const string CorsPolicy = "configured-origins";

    public static WebApplicationBuilder AddPlatformSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<AuthOptions>()
            .Bind(configuration.GetSection(AuthOptions.Section))
            .Validate(o => o.TokenLifetime >= TimeSpan.FromMinutes(1) && o.TokenLifetime <= TimeSpan.FromDays(30), "Auth:TokenLifetime must be from 1 minute to 30 days.")
            .Validate(o => o.InvitationLifetime >= TimeSpan.FromMinutes(1) && o.InvitationLifetime <= TimeSpan.FromDays(90), "Auth:InvitationLifetime must be from 1 minute to 90 days.")
            .ValidateOnStart();
        services.AddOptions<TenancyOptions>().Bind(configuration.GetSection(TenancyOptions.Section));
        // In memory nothing outlives the process anyway, so a random key loses nothing; with a
        // database, nodes and restarts must agree on the key, so it has to be configured.
        var inMemory = string.IsNullOrEmpty(configuration.GetConnectionString("Postgres"));
        services.AddSingleton(SigningKey.From(configuration[$"{AuthOptions.Section}:SigningKey"], inMemory || builder.Environment.IsDevelopment()));
        services.AddMemberAuthentication();
        services.AddSingleton<IAuthorizationHandler, OrganizationRoleHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResults>();
        services.AddAuthorizationBuilder()
            .AddPolicy(OrganizationAccess.Policy, policy => policy.RequireAuthenticatedUser().AddRequirements(new OrganizationRoleRequirement()));
        services.AddExceptionHandler<TryAgainHandler>();
        services.AddSingleton<HubMembershipFilter>();
        services.Configure<HubOptions>(options => options.AddFilter<HubMembershipFilter>());
        // SignalR logs every HubException a method throws as an error with its stack trace, refusals
        // (not a member, no such property) included; HubMembershipFilter logs those as warnings and
        // anything else as the error it is.
        builder.Logging.AddFilter("Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher", LogLevel.Critical);
        services.AddRateLimits(configuration);
        services.AddTrustedProxies(configuration);
        var origins = configuration.GetSection(CorsOrigins.Section).Get<CorsOrigins>()?.Origins ?? [];
        if (origins.Length > 0)
        {
            services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins(origins)
                .WithMethods("GET", "POST", "PUT", "DELETE")
                .WithHeaders("Authorization", "Content-Type", "Idempotency-Key", TenancyOptions.Header)
                .WithExposedHeaders("Location", "Retry-After")));
        }

        services.AddHostedService<SeedDemoOwnerTask>();
        return builder;
    }

    /// <summary>After routing (the rules read the endpoint), before the endpoints.</summary>
    public static WebApplication UsePlatformSecurity(this WebApplication app)
    {
        var key = app.Services.GetRequiredService<SigningKey>();
        if (key.IsRandom)
        {
            app.Logger.LogWarning("Auth:SigningKey is not set: tokens are signed with a random key and stop working when this process stops.");
        }

        app.UseRouting();
        if (app.Services.GetService<Microsoft.AspNetCore.Cors.Infrastructure.ICorsService>() is not null)
        {
            app.UseCors(CorsPolicy);
        }

        // Authentication only checks the token's signature; it comes first so members are counted per
        // account. The limiter comes before anything that costs a grain call, so a flood is turned away cheaply.
        app.UseAuthentication();
        app.UseMiddleware<CookieChangesNeedAntiforgery>();
        app.UseRateLimiter();
        app.UseMiddleware<TenantResolution>();
        app.UseAuthorization();
        return app;
    }
}
