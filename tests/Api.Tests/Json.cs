using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Actors.Api.Tests;

/// <summary>Short JSON-over-HTTP calls for tests.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, object? body, string? idempotencyKey = null) =>
        client.SendAsync(Request(HttpMethod.Post, path, body, idempotencyKey));

    public static Task<HttpResponseMessage> PutAsync(this HttpClient client, string path, object? body) =>
        client.SendAsync(Request(HttpMethod.Put, path, body, null));

    /// <summary>Sends exactly these bytes as the body, for malformed or mistyped JSON.</summary>
    public static Task<HttpResponseMessage> SendRawAsync(this HttpClient client, HttpMethod method, string path, string? body, string contentType = "application/json", string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    public static async Task<JsonElement> ReadAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Reads a success body, failing with the server's problem text otherwise.</summary>
    public static async Task<JsonElement> OkAsync(this Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        var body = await response.ReadAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode}: {body}");
        }

        return body;
    }

    public static string ProblemType(this JsonElement problem) =>
        problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("type", out var type) ? type.GetString() ?? "" : "";

    private static HttpRequestMessage Request(HttpMethod method, string path, object? body, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body, options: Options) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }
}
