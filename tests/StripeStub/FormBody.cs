using System.Text.Json.Nodes;

namespace Actors.StripeStub;

/// <summary>
/// Form-encoded bodies as Stripe reads them: pairs in order, and a tree built from bracket notation,
/// so "metadata[booking_id]=b1" is {"metadata":{"booking_id":"b1"}}, "items[0][price]=p" is
/// {"items":[{"price":"p"}]} and "expand[]=x" appends to a list. Every leaf is a string, as on the wire.
/// </summary>
internal static class FormBody
{
    public static List<KeyValuePair<string, string>> Pairs(string body)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            var name = separator < 0 ? part : part[..separator];
            var value = separator < 0 ? "" : part[(separator + 1)..];
            pairs.Add(new(Decode(name), Decode(value)));
        }

        return pairs;
    }

    public static JsonObject Tree(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var root = new JsonObject();
        foreach (var (name, value) in pairs)
        {
            var path = Segments(name);
            JsonNode container = root;
            for (var i = 0; i < path.Count; i++)
            {
                var last = i == path.Count - 1;
                JsonNode? next = last ? JsonValue.Create(value) : IsIndex(path[i + 1]) ? new JsonArray() : new JsonObject();
                container = Step(container, path[i], next!, last);
            }
        }

        return root;
    }

    /// <summary>The pairs in a stable order, for comparing a retried request with the first one.</summary>
    public static string Canonical(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join("&", pairs.Select(p => $"{p.Key}={p.Value}").Order(StringComparer.Ordinal));

    private static JsonNode Step(JsonNode container, string segment, JsonNode next, bool last)
    {
        if (container is JsonArray array)
        {
            if (segment.Length == 0)
            {
                array.Add(next);
                return next;
            }

            var index = int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture);
            while (array.Count <= index)
            {
                array.Add(null);
            }

            if (last || array[index] is null)
            {
                array[index] = next;
            }

            return array[index]!;
        }

        var obj = (JsonObject)container;
        if (last || obj[segment] is null)
        {
            obj[segment] = next;
        }

        return obj[segment]!;
    }

    private static List<string> Segments(string name)
    {
        var open = name.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return [name];
        }

        var segments = new List<string> { name[..open] };
        while (open >= 0)
        {
            var close = name.IndexOf(']', open);
            if (close < 0)
            {
                break;
            }

            segments.Add(name[(open + 1)..close]);
            open = name.IndexOf('[', close);
        }

        return segments;
    }

    private static bool IsIndex(string segment) => segment.Length == 0 || segment.All(char.IsAsciiDigit);

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
