using Microsoft.AspNetCore.OpenApi;
using Scalar.AspNetCore;

namespace Actors.Api.Reference;

/// <summary>
/// The API reference at /docs: the OpenAPI document (/openapi/v1.json) rendered by Scalar, with the
/// bearer scheme and request examples. Scalar's script is served from this node, so the page works
/// offline and under our content security policy, which only this page relaxes for its inline setup.
/// </summary>
public static class ApiReference
{
    public const string Path = "/docs";

    private const string Policy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    public static IServiceCollection AddApiReference(this IServiceCollection services)
    {
        services.Configure<OpenApiOptions>("v1", options =>
        {
            options.AddDocumentTransformer<BearerSecurityScheme>();
            options.AddOperationTransformer<BearerSecurityScheme>();
            options.AddSchemaTransformer<RequestExamples>();
        });
        return services;
    }

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapScalarApiReference(Path, (options, context) =>
            {
                context.Response.Headers.ContentSecurityPolicy = Policy;
                options
                    .WithTitle((context.RequestServices.GetRequiredService<IConfiguration>()["Product:Name"] ?? "Bookings") + " API")
                    .DisableDefaultFonts()
                    .AddPreferredSecuritySchemes(BearerSecurityScheme.Name);
            })
            .ExcludeFromDescription();
        return endpoints;
    }
}
