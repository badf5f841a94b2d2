using System.Text.Json;

namespace Actors.Api.Payments.Stripe;

/// <summary>Stripe's JSON: snake_case names, and fields we do not model are ignored.</summary>
public static class StripeJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
