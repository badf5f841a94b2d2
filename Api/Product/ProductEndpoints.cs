using Actors.Silo.Product;
using Microsoft.Extensions.Options;

namespace Actors.Api.Product;

public static class ProductEndpoints
{
    /// <summary>Tells pages which product they belong to, so one set of pages serves every product.</summary>
    public static IEndpointRouteBuilder MapProductEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/product", (IOptions<ProductOptions> product) => TypedResults.Ok(new ProductView(product.Value.Name, product.Value.UnitKinds)))
            .WithTags("Product")
            .WithSummary("Names the product this server runs and what it rents or sells.");
        return endpoints;
    }
}
