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
    /// <summary>
    /// Open to guests by design: the booking page (anyone may search bravo and hold a room there) and
    /// paying for the hold just made, which the guest does without an account, by the booking's id.
    /// Cancelling with a refund stays with the desk (a manager); billing and the Stripe account with owners.
    /// </summary>
    private static readonly HashSet<string> PublicOperations =
    [
        "GET /api/orgs/{org}/properties/{property}",
        "GET /api/orgs/{org}/properties/{property}/availability",
        "GET /api/orgs/{org}/properties/{property}/quote",
        "POST /api/orgs/{org}/bookings",
        "POST /api/orgs/{org}/bookings/{booking}/payment",
        "GET /api/orgs/{org}/bookings/{booking}/payment",

        // The booking page counts a visit the guest agreed to count, and the steps it reaches.
        "POST /api/orgs/{org}/properties/{property}/visits",
        "POST /api/orgs/{org}/properties/{property}/visits/{visit}/steps",
    ];

    /// <summary>Operations outside /api/orgs/{org}: what each answers when aimed at bravo.</summary>
    private static readonly Dictionary<string, HttpStatusCode> OtherOperations = new()
    {
        ["POST /api/orgs"] = HttpStatusCode.Conflict,
        ["POST /api/signup"] = HttpStatusCode.Conflict,
        ["POST /api/sign-in"] = HttpStatusCode.Unauthorized,
        ["GET /api/me"] = HttpStatusCode.OK,
        ["POST /api/session"] = HttpStatusCode.Unauthorized,
        ["DELETE /api/session"] = HttpStatusCode.NoContent,
        ["POST /api/sign-out-everywhere"] = HttpStatusCode.NoContent,
        ["GET /api/antiforgery"] = HttpStatusCode.OK,
        ["POST /api/invitations/{token}/accept"] = HttpStatusCode.NotFound,
        // No account names an organization: the same answer for every email; a made-up token is not a link's.
        ["POST /api/password-reset"] = HttpStatusCode.Accepted,
        ["POST /api/password-reset/confirm"] = HttpStatusCode.BadRequest,
        ["GET /health/live"] = HttpStatusCode.OK,
        ["GET /health/ready"] = HttpStatusCode.OK,

        // Operators' dead letters: off without Operations:Key, and no member's token opens them.
        ["GET /operations/dead-letters"] = HttpStatusCode.Forbidden,
        ["POST /operations/dead-letters/replay"] = HttpStatusCode.Forbidden,
        ["POST /operations/dead-letters/{id}/replay"] = HttpStatusCode.Forbidden,

        // The product's name and unit kinds: the same for everyone, nothing of any organization's.
        ["GET /api/product"] = HttpStatusCode.OK,

        // The guest's private link: the token is the only credential, so any token that is not the
        // guest's own (a guessed secret, or bravo's secret under another organization) finds nothing.
        ["GET /api/guest/bookings/{token}"] = HttpStatusCode.NotFound,
        ["POST /api/guest/bookings/{token}/confirm"] = HttpStatusCode.NotFound,
        ["POST /api/guest/bookings/{token}/cancel"] = HttpStatusCode.NotFound,
    };

    [Fact]
    public async Task Every_operation_aimed_at_another_organization_is_refused_and_changes_nothing_there()
    {
        var document = await api.Client.GetAsync("/openapi/v1.json").OkAsync();
        var operations = Operations(document).ToList();
        Assert.True(operations.Count >= 30, $"only {operations.Count} operations in the OpenAPI document");
        // An organization's whole data goes out and comes in through these two: the walk must reach them.
        Assert.Contains(operations, o => o.Method == "GET" && o.Template == "/api/orgs/{org}/export");
        Assert.Contains(operations, o => o.Method == "POST" && o.Template == "/api/orgs/{org}/import");
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
                Assert.True(OtherOperations.TryGetValue(name, out var expected), $"{name} is not under /api/orgs/{{org}}: add it to OtherOperations with what it answers for bravo's ids");
                // Signing out everywhere ends the caller's own token: probed with an account of its own, so the walk's token lives on.
                using var caller = name == "POST /api/sign-out-everywhere"
                    ? api.ClientFor(await ApiFixture.SignUpAsync(anonymous, "own-" + Guid.NewGuid().ToString("N")[..12], $"own-{Guid.NewGuid():N}@example.com"))
                    : api.ClientFor(api.OwnerToken);
                foreach (var (variant, path) in OutsidePaths(template))
                {
                    var (status, text) = await SendAsync(caller, method, path, Query(operation), body);
                    probes++;
                    Check(failures, $"{name} ({variant})", status, text, expected);
                    Assert.DoesNotContain($"\"{IsolationApi.Bravo}\"", name is "GET /api/me" or "GET /api/product" ? text : "", StringComparison.Ordinal);
                }

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

    [Fact]
    public async Task A_guest_reads_or_pays_a_booking_only_under_the_organization_that_holds_it()
    {
        using var guest = api.App.NewClient();
        var payment = $"/bookings/{api.BravoBooking}/payment";

        // Bravo's booking id under alpha is no booking at all; naming bravo as well is two organizations at once.
        using var underAlpha = await guest.GetAsync($"/api/orgs/{IsolationApi.Alpha}{payment}");
        using var payUnderAlpha = await guest.PostAsync($"/api/orgs/{IsolationApi.Alpha}{payment}", new { });
        using var mixed = await guest.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/orgs/{IsolationApi.Alpha}{payment}") { Headers = { { "X-Organization", IsolationApi.Bravo } } });

        Assert.Equal(HttpStatusCode.NotFound, underAlpha.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, payUnderAlpha.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, mixed.StatusCode);
        Assert.Equal(ApiFixture.Problems + "wrong-organization", (await mixed.ReadAsync()).ProblemType());
    }

    [Fact]
    public async Task Stripe_webhooks_stay_out_of_the_document_and_a_delivery_stripe_did_not_sign_changes_nothing()
    {
        var document = await api.Client.GetAsync("/openapi/v1.json").OkAsync();
        Assert.DoesNotContain(Operations(document), o => o.Template.StartsWith("/api/webhooks", StringComparison.Ordinal));
        using var anyone = api.App.NewClient();
        var before = await api.BravoFingerprintAsync();
        // What a forger would send: bravo's booking paid in full.
        var forged = JsonSerializer.Serialize(new
        {
            id = "evt_forged",
            @object = "event",
            type = "payment_intent.succeeded",
            created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            data = new
            {
                @object = new
                {
                    id = "pi_forged",
                    @object = "payment_intent",
                    status = "succeeded",
                    amount = 16000,
                    amount_received = 16000,
                    currency = "eur",
                    metadata = new { org_id = IsolationApi.Bravo, booking_id = api.BravoBooking },
                },
            },
        });
        var signatures = new string?[] { null, $"t={DateTimeOffset.UtcNow.ToUnixTimeSeconds()},v1={new string('0', 64)}" };

        foreach (var path in new[] { "/api/webhooks/stripe", $"/api/webhooks/stripe/{IsolationApi.Bravo}" })
        {
            foreach (var signature in signatures)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(forged, Encoding.UTF8, "application/json") };
                if (signature is not null)
                {
                    request.Headers.Add("Stripe-Signature", signature);
                }

                using var response = await anyone.SendAsync(request);
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.Equal(ApiFixture.Problems + "webhook-signature", (await response.ReadAsync()).ProblemType());
            }
        }

        Assert.Equal(before, await api.BravoFingerprintAsync());
    }

    /// <summary>
    /// The probes of an operation outside /api/orgs/{org}: bravo's ids; for the guest's private link,
    /// bravo's booking with a guessed secret and bravo's real secret under alpha's name.
    /// </summary>
    private IEnumerable<(string Variant, string Path)> OutsidePaths(string template)
    {
        if (!template.StartsWith("/api/guest/", StringComparison.Ordinal))
        {
            yield return ("bravo's ids", Path(template, IsolationApi.Bravo));
            yield break;
        }

        var secret = api.BravoGuestToken[(api.BravoGuestToken.LastIndexOf('.') + 1)..];
        var guessed = Convert.ToBase64String(new byte[32]).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        yield return ("bravo's booking, a guessed secret", GuestPath(template, $"{IsolationApi.Bravo}.{api.BravoBooking}.{guessed}"));
        yield return ("bravo's booking and secret under alpha", GuestPath(template, $"{IsolationApi.Alpha}.{api.BravoBooking}.{secret}"));
    }

    private static string GuestPath(string template, string token) =>
        template.Replace("{token}", Uri.EscapeDataString(token), StringComparison.Ordinal);

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
            ["id"] = "1",
            ["block"] = "1",
            ["endpoint"] = "we_0123456789abcdef",
            ["delivery"] = $"{org}.hotel.1",
            ["visit"] = alphaIds ? "AAAAAAAAAAAAAAAAAAAAAA" : api.BravoVisit,
            ["test"] = "1",
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
        "guests" => "2",
        "timeZone" => "UTC",
        "checkInTime" => "15:00",
        "checkOutTime" => "11:00",
        "currency" => "EUR",
        "password" => ApiFixture.Password + "-wrong",
        "paymentMethod" => "pm_card_visa",
        "kind" => "out_of_order",
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
