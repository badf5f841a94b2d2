using System.Text.Json;
using Actors.Grains.Abstractions.Failures;

namespace Actors.Api.Payments.Stripe;

/// <summary>A Stripe event: {"id":"evt_..","type":"payment_intent.succeeded","data":{"object":{...}}}; the object as it was when the event happened.</summary>
public sealed record StripeEvent(string Id, string Type, JsonElement Object)
{
    /// <summary>Reads a verified body; a body that is not an event is a 400 naming the field, though Stripe never sends one.</summary>
    public static StripeEvent Parse(ReadOnlySpan<byte> body)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new DomainValidationException("body", "Not valid JSON.");
        }

        var errors = new FieldErrors();
        var id = String(root, "id");
        var type = String(root, "type");
        if (id is null || id.Length > 255 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            errors.Add("id", "An event id of letters, digits and '_' is required.");
        }

        if (type is null || type.Length > 255)
        {
            errors.Add("type", "Required.");
        }

        var data = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object && d.TryGetProperty("object", out var o) && o.ValueKind == JsonValueKind.Object
            ? o
            : default;
        if (data.ValueKind != JsonValueKind.Object)
        {
            errors.Add("data.object", "Required.");
        }

        errors.ThrowIfAny();
        return new StripeEvent(id!, type!, data);
    }

    /// <summary>A string at a dotted path of the event's object ("metadata.booking_id"), or null.</summary>
    public string? Field(string path)
    {
        var current = Object;
        foreach (var name in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current.ValueKind switch
        {
            JsonValueKind.String => current.GetString(),
            JsonValueKind.Number => current.GetRawText(),
            _ => null,
        };
    }

    public long? Number(string name) =>
        Object.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
