using System.Text.Json;
using System.Text.RegularExpressions;

namespace Actors.Api.Problems;

/// <summary>
/// The field a request could not be bound from, and what to say about it. The framework's messages
/// name the handler's C# parameter ("Failed to bind parameter \"Nullable&lt;int&gt; limit\" from
/// \"lots\"."); the last word of that quote is the query or route name the client sent.
/// </summary>
internal static partial class UnreadableField
{
    public const string Body = "body";

    public static (string Field, string Message) Of(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            var field = json.Path is { Length: > 1 } path ? path.TrimStart('$').TrimStart('.') : Body;
            if (json.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
            {
                return (field, "Not a field of this request.");
            }

            return (field, "Not readable as the expected type or not valid JSON.");
        }

        var message = exception.Message;
        if (message.Contains("body", StringComparison.OrdinalIgnoreCase))
        {
            // "Implicit body inferred ... but no body was provided", "Required parameter ... was not provided from body".
            return (Body, "A JSON body is required.");
        }

        if (Parameter().Match(message) is { Success: true } parameter)
        {
            var field = parameter.Groups["name"].Value;
            return message.StartsWith("Required", StringComparison.Ordinal)
                ? (field, "Required.")
                : (field, "Not a valid value for this field.");
        }

        return (Body, "The request could not be read.");
    }

    [GeneratedRegex("""parameter "(?:[^"]*[ .])?(?<name>[A-Za-z_][A-Za-z0-9_]*)"\s""")]
    private static partial Regex Parameter();
}
