using System.Text.Json.Nodes;

namespace Actors.StripeStub;

/// <summary>What the stub answers: a status and a JSON body, an object or Stripe's error envelope.</summary>
internal sealed record StubResult(int Status, JsonObject Body)
{
    public static StubResult Ok(JsonObject body) => new(200, body);

    public static StubResult Error(int status, string type, string message, string? code = null, string? param = null, Action<JsonObject>? more = null)
    {
        var error = new JsonObject { ["type"] = type, ["message"] = message };
        if (code is not null)
        {
            error["code"] = code;
        }

        if (param is not null)
        {
            error["param"] = param;
        }

        more?.Invoke(error);
        return new(status, new JsonObject { ["error"] = error });
    }

    public static StubResult Missing(string param) =>
        Error(400, "invalid_request_error", $"Missing required param: {param}.", "parameter_missing", param);

    public static StubResult NoSuch(string what, string id, string param = "id") =>
        Error(404, "invalid_request_error", $"No such {what}: '{id}'", "resource_missing", param);

    /// <summary>Stripe saves a key's result once the endpoint ran; a request refused while checking its parameters is not saved.</summary>
    public bool Saved => !(Status == 400 && Body["error"]?["code"]?.GetValue<string>() is "parameter_missing" or "parameter_invalid_integer" or "parameter_invalid_empty");
}
