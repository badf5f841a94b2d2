using System.Globalization;

namespace Actors.Api.Payments.Stripe;

/// <summary>
/// A request body as Stripe reads it: form-encoded, nested fields in bracket notation
/// ("metadata[booking_id]=..", "items[0][price]=..").
/// </summary>
public sealed class StripeForm
{
    private readonly List<KeyValuePair<string, string>> fields = [];

    public IReadOnlyList<KeyValuePair<string, string>> Fields => fields;

    public StripeForm Add(string name, string? value)
    {
        if (value is not null)
        {
            fields.Add(new(name, value));
        }

        return this;
    }

    public StripeForm Add(string name, long value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    public StripeForm Add(string name, bool value) => Add(name, value ? "true" : "false");

    /// <summary>Adds a map under <paramref name="name"/>, e.g. metadata[org_id]=...</summary>
    public StripeForm AddMap(string name, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (key, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            Add($"{name}[{key}]", value);
        }

        return this;
    }

    public FormUrlEncodedContent ToContent() => new(fields);
}
