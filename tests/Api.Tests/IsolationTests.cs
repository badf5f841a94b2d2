using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;
using Xunit.Abstractions;

namespace Actors.Api.Tests;

/// <summary>
/// Walks every operation of the app's own OpenAPI document as the owner of "alpha" aimed at
/// "bravo": bravo's ids in the path, the query, the body and the X-Organization header or the
/// subdomain. Every probe must be refused with 403 or 404, and not one of bravo's rows may change.
/// </summary>
public sealed class IsolationTests(IsolationApi api, ITestOutputHelper output) : IClassFixture<IsolationApi>
{
    /// <summary>Open to guests by design (the booking page): anyone may search bravo and hold a room there.</summary>
    private static readonly HashSet<string> PublicOperations =
    [
        "GET /api/orgs/{org}/properties/{property}",
        "GET /api/orgs/{org}/properties/{property}/availability",
        "GET /api/orgs/{org}/properties/{property}/quote",
        "POST /api/orgs/{org}/bookings",
    ];

    /// <summary>Operations outside /api/orgs/{org}: what each answers when aimed at bravo.</summary>
    private static readonly Dictionary<string, HttpStatusCode> AccountOperations = new()
    {
        ["POST /api/orgs"] = HttpStatusCode.Conflict,
        ["POST /api/signup"] = HttpStatusCode.Conflict,
        ["POST /api/sign-in"] = HttpStatusCode.Unauthorized,
        ["GET /api/me"] = HttpStatusCode.OK,
        ["POST /api/invitations/{token}/accept"] = HttpStatusCode.NotFound,
        ["GET /health/live"] = HttpStatusCode.OK,
        ["GET /health/ready"] = HttpStatusCode.OK,
    };

    [Fact]
    public async Task Every_operation_aimed_at_another_organization_is_refused_and_changes_nothing_there()
    {
        var document = await api.Client.GetAsync("/openapi/v1.json").OkAsync();
        var operations = Operations(document).ToList();
        Assert.True(operations.Count >= 30, $"only {operations.Count} operations in the OpenAPI document");
        using var alpha = api.ClientFor(api.OwnerToken);
        using var anonymous = api.App.NewClient();
        // The probes' own token works: the refusals below are about bravo, not a broken sign-in.
        await alpha.GetAsync($"/api/orgs/{IsolationApi.Alpha}").OkAsync();
        var before = await api.BravoFingerprintAsync();
        var failures = new List<string>();
        var probes = 0;

        foreach (var (method, template, operation) in operations)
        {
            var name = $"{method} {template}";
            var body = Body(document, operation);
            if (!template.StartsWith("/api/orgs/{org}", StringComparison.Ordinal))
            {
                Assert.True(AccountOperations.TryGetValue(name, out var expected), $"{name} is not under /api/orgs/{{org}}: add it to AccountOperations with what it answers for bravo's ids");
                var (status, text) = await SendAsync(alpha, method, Path(template, IsolationApi.Bravo), Query(operation), body);
                probes++;
                Check(failures, name + " (bravo's ids)", status, text, expected);
                Assert.DoesNotContain($"\"{IsolationApi.Bravo}\"", name == "GET /api/me" ? text : "", StringComparison.Ordinal);
                continue;
            }

            var isPublic = PublicOperations.Contains(name);
            var bravoPath = Path(template, IsolationApi.Bravo);
            var alphaPath = Path(template, IsolationApi.Alpha);
            var query = Query(operation);

            // Without a token: public operations answer, the rest ask for a sign-in.
            if (!isPublic)
            {
                var (status, text) = await SendAsync(anonymous, method, bravoPath, query, body);
                probes++;
                Check(failures, name + " (no token)", status, text, HttpStatusCode.Unauthorized);
                var (inBravo, inBravoText) = await SendAsync(alpha, method, bravoPath, query, body);
                probes++;
                Check(failures, name + " (bravo's ids everywhere)", inBravo, inBravoText, HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
            }

            var probesOfOperation = new (string Variant, string Path, string? Header, string? Host)[]
            {
                ("bravo's path, X-Organization: alpha", bravoPath, IsolationApi.Alpha, null),
                ("alpha's path, X-Organization: bravo", alphaPath, IsolationApi.Bravo, null),
                ("bravo's path, subdomain alpha", bravoPath, null, $"{IsolationApi.Alpha}.{IsolationApi.BaseHost}"),
                ("alpha's path, subdomain bravo", alphaPath, null, $"{IsolationApi.Bravo}.{IsolationApi.BaseHost}"),
            };
            foreach (var (variant, path, header, host) in probesOfOperation)
            {
                var (status, text) = await SendAsync(alpha, method, path, query, body, header, host);
                probes++;
                Check(failures, $"{name} ({variant})", status, text, HttpStatusCode.Forbidden);
            }

            // Alpha's own organization with bravo's property, room or booking: those keys do not exist in alpha.
            if (alphaPath.Contains(IsolationApi.BravoProperty, StringComparison.Ordinal) || alphaPath.Contains(api.BravoBooking, StringComparison.Ordinal)
                || alphaPath.Contains(api.BravoOwner, StringComparison.Ordinal))
            {
                var (status, text) = await SendAsync(alpha, method, alphaPath, query, body);
                probes++;
                Check(failures, name + " (alpha's path, bravo's other ids)", status, text, HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
            }
        }

        output.WriteLine($"{operations.Count} operations, {probes} probes");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await api.BravoFingerprintAsync());
    }

    [Fact]
    public async Task Every_public_operation_is_listed_and_every_other_one_needs_a_token()
    {
        var document = await api.Client.GetAsync("/openapi/v1.json").OkAsync();
        using var anonymous = api.App.NewClient();
        var open = new List<string>();
        foreach (var (method, template, operation) in Operations(document).Where(o => o.Template.StartsWith("/api/orgs/{org}", StringComparison.Ordinal)))
        {
            // Alpha's own ids, so a public operation answers normally (or 4xx for the sample body), never 401.
            var (status, _) = await SendAsync(anonymous, method, Path(template, IsolationApi.Alpha, alphaIds: true), Query(operation, alpha: true), null);
            if (status != HttpStatusCode.Unauthorized)
            {
                open.Add($"{method} {template}");
            }
        }

        Assert.Equal(PublicOperations.Order(), open.Order());
    }

    private void Check(List<string> failures, string probe, HttpStatusCode status, string text, params HttpStatusCode[] expected)
    {
        if (!expected.Contains(status))
        {
            failures.Add($"{probe}: {(int)status} {text[..Math.Min(text.Length, 300)]}");
        }
    }

    private static IEnumerable<(string Method, string Template, JsonElement Operation)> Operations(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch"))
            {
                yield return (operation.Name.ToUpperInvariant(), path.Name, operation.Value);
            }
        }
    }

    private string Path(string template, string org, bool alphaIds = false)
    {
        var ids = new Dictionary<string, string>
        {
            ["org"] = org,
            ["property"] = alphaIds ? "hotel" : IsolationApi.BravoProperty,
            ["room"] = alphaIds ? "d1" : IsolationApi.BravoRoom,
            ["roomType"] = "double",
            ["booking"] = alphaIds ? "none" : api.BravoBooking,
            ["email"] = alphaIds ? api.OwnerEmail : api.BravoStaff,
            ["token"] = api.BravoInvitation[..(api.BravoInvitation.IndexOf('.', StringComparison.Ordinal) + 1)] + "not-the-secret",
        };
        foreach (var (name, value) in ids)
        {
            template = template.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("{", template, StringComparison.Ordinal);
        return template;
    }

    private static string Query(JsonElement operation, bool alpha = false)
    {
        if (!operation.TryGetProperty("parameters", out var parameters))
        {
            return "";
        }

        var pairs = parameters.EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == "query")
            .Select(p => p.GetProperty("name").GetString()!)
            .Select(name => $"{name}={Uri.EscapeDataString(Sample(name, "string", null, alpha))}");
        var query = string.Join('&', pairs);
        return query.Length == 0 ? "" : "?" + query;
    }

    private JsonNode? Body(JsonElement document, JsonElement operation) =>
        operation.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json)
            ? Node(document, json.GetProperty("schema"), "body", 0)
            : null;

    /// <summary>A valid-looking value of the schema, naming bravo's things wherever a field is an id.</summary>
    private JsonNode? Node(JsonElement document, JsonElement schema, string name, int depth)
    {
        foreach (var choice in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(choice, out var options))
            {
                schema = options.EnumerateArray().First(o => !(o.TryGetProperty("type", out var only) && only.ValueKind == JsonValueKind.String && only.GetString() == "null"));
            }
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            schema = Resolve(document, reference.GetString()!);
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            return JsonValue.Create(values.EnumerateArray().First(v => v.ValueKind == JsonValueKind.String).GetString());
        }

        var type = schema.TryGetProperty("type", out var t)
            ? t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(v => v.GetString()).First(v => v != "null") : t.GetString()
            : schema.TryGetProperty("properties", out _) ? "object" : "string";
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        switch (type)
        {
            case "object" when depth < 5:
                var node = new JsonObject();
                if (schema.TryGetProperty("properties", out var properties))
                {
                    foreach (var property in properties.EnumerateObject())
                    {
                        node[property.Name] = Node(document, property.Value, property.Name, depth + 1);
                    }
                }

                return node;
            case "array":
                return new JsonArray(Node(document, schema.GetProperty("items"), name, depth + 1));
            case "integer":
                return JsonValue.Create(1);
            case "number":
                return JsonValue.Create(90);
            case "boolean":
                return JsonValue.Create(false);
            default:
                return JsonValue.Create(Sample(name, type, format, alpha: false));
        }
    }

    private static JsonElement Resolve(JsonElement document, string reference)
    {
        var node = document;
        foreach (var part in reference.TrimStart('#', '/').Split('/'))
        {
            node = node.GetProperty(part);
        }

        return node;
    }

    private static string Sample(string name, string? type, string? format, bool alpha) => name switch
    {
        "propertyId" => alpha ? "hotel" : IsolationApi.BravoProperty,
        "roomId" => alpha ? "d1" : IsolationApi.BravoRoom,
        "roomType" => "double",
        "id" => alpha ? "new-thing" : IsolationApi.Bravo,
        "email" => "rex@example.com",
        "organizationId" => IsolationApi.Bravo,
        "checkIn" or "from" => ApiFixture.Day(20),
        "checkOut" or "to" => ApiFixture.Day(22),
        "after" => "0",
        "timeZone" => "UTC",
        "checkInTime" => "15:00",
        "checkOutTime" => "11:00",
        "currency" => "EUR",
        "password" => ApiFixture.Password + "-wrong",
        _ when format == "date" => ApiFixture.Day(20),
        _ when format == "time" => "15:00:00",
        _ when type == "integer" => "1",
        _ => "probe",
    };

    private static async Task<(HttpStatusCode Status, string Text)> SendAsync(
        HttpClient client, string method, string path, string query, JsonNode? body, string? organizationHeader = null, string? host = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path + query);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        if (organizationHeader is not null)
        {
            request.Headers.Add("X-Organization", organizationHeader);
        }

        if (host is not null)
        {
            request.Headers.Host = host;
        }

        request.Headers.Add("Idempotency-Key", "isolation-" + Guid.NewGuid().ToString("N"));
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
