using System.Text.Json;

namespace Actors.Api.Payments.Stripe;

/// <summary>The fields of a Stripe Subscription the platform uses; the latest invoice is an id or, when expanded, an object.</summary>
public sealed record StripeSubscription(string Id, string Status, string? Customer, Dictionary<string, string>? Metadata, JsonElement? LatestInvoice)
{
    /// <summary>Paid for: Stripe only reports these after the first invoice is settled (or when there is nothing to pay yet).</summary>
    public bool IsPaid => Status is "active" or "trialing";

    /// <summary>The secret a browser needs to pay the first invoice, when the invoice was expanded with it.</summary>
    public string? ClientSecret =>
        LatestInvoice is { ValueKind: JsonValueKind.Object } invoice
        && invoice.TryGetProperty("confirmation_secret", out var secret) && secret.ValueKind == JsonValueKind.Object
        && secret.TryGetProperty("client_secret", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
