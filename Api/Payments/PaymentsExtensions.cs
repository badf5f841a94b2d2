using Actors.Api.Audit;
using Actors.Api.Auth;
using Actors.Api.Payments;
using Actors.Api.Problems;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// In the host's namespace, so wiring payments into BookingPlatformExtensions is one line and no using.
namespace Actors.Api;

/// <summary>Stripe payments and subscriptions: services from the "Payments:Stripe" section, and their endpoints.</summary>
public static class PaymentsExtensions
{
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StripeOptions>()
            .Bind(configuration.GetSection(StripeOptions.Section))
            .Validate(o => o.ApiBase.IsAbsoluteUri, "Payments:Stripe:ApiBase must be an absolute URI.")
            .Validate(o => o.SignatureTolerance > TimeSpan.Zero && o.SignatureTolerance <= TimeSpan.FromHours(1), "Payments:Stripe:SignatureTolerance must be above 0 and at most 1 hour.")
            .Validate(o => o.Timeout >= TimeSpan.FromSeconds(1) && o.Timeout <= TimeSpan.FromMinutes(5), "Payments:Stripe:Timeout must be from 1 second to 5 minutes.")
            .Validate(o => o.MaxNetworkRetries is >= 0 and <= 5, "Payments:Stripe:MaxNetworkRetries must be from 0 to 5.")
            .Validate(o => o.WebhookLease >= TimeSpan.FromSeconds(1) && o.WebhookWait >= TimeSpan.Zero, "Payments:Stripe:WebhookLease must be at least 1 second and WebhookWait not negative.")
            .Validate(o => o.MaxWebhookBytes >= 1024, "Payments:Stripe:MaxWebhookBytes must be at least 1024.")
            .Validate(o => o.TrialDays is >= 0 and <= 730, "Payments:Stripe:TrialDays must be from 0 to 730.")
            .Validate(o => o.PortalReturnUrl is null || o.PortalReturnUrl.IsAbsoluteUri, "Payments:Stripe:PortalReturnUrl must be an absolute URI.")
            .ValidateOnStart();
        services.AddHttpClient(StripeClients.HttpClientName, (provider, http) =>
            http.Timeout = provider.GetRequiredService<IOptions<StripeOptions>>().Value.Timeout);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StripeClients>();
        services.AddSingleton<StripeKeys>();
        services.AddTransient<GuestPayments>();
        services.AddTransient<Subscriptions>();
        services.AddTransient<SubscriptionEvents>();
        services.AddTransient<StripeWebhooks>();
        return services;
    }

    public static WebApplication MapPayments(this WebApplication app)
    {
        var orgs = app.MapGroup("/api/orgs")
            .AddEndpointFilter<AuditFilter>()
            .AddEndpointFilter<DomainProblemFilter>()
            .AddEndpointFilter<PaymentProblemFilter>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        orgs.MapGuestPaymentsApi();
        orgs.MapSubscriptionsApi();
        orgs.MapBillingApi();
        orgs.MapStripeAccountApi();
        // The same access table as every other /api/orgs route: a guest pays, owners handle billing.
        ((IEndpointConventionBuilder)orgs).Finally(AccessRules.Apply);
        app.MapStripeWebhooksApi();
        return app;
    }
}
