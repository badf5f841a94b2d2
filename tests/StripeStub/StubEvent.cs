using System.Text.Json;

namespace Actors.StripeStub;

/// <summary>An event the stub generated, exactly as it will be delivered (the JSON is the signed body); <paramref name="ApiKey"/> names the account.</summary>
public sealed record StubEvent(string Id, string Type, string ApiKey, string ObjectId, string Json)
{
    public JsonElement Object => JsonDocument.Parse(Json).RootElement.GetProperty("data").GetProperty("object").Clone();
}
