using System.Net;
using System.Text.Json;
using Xunit;

namespace Actors.Api.Tests;

public sealed class BadInputTests(TwoOrganizationsApi api) : IClassFixture<TwoOrganizationsApi>
{
    private const string Bookings = "/api/orgs/acme/bookings";
    private const string Hotel = "/api/orgs/acme/properties/hotel";
    private const string Blocks = Hotel + "/rooms/d2/blocks";

    /// <summary>name -> (method, path, body, expected status, problem type, field named in errors, content type, Idempotency-Key).</summary>
    private static readonly Dictionary<string, Case> Cases = new Case[]
    {
        new("booking: empty object", "POST", Bookings, "{}", 400, "validation", "propertyId"),
        new("booking: no body", "POST", Bookings, null, 400, "validation", "body"),
        new("booking: malformed JSON", "POST", Bookings, """{"propertyId": "hotel",""", 400, "validation"),
        new("booking: array instead of object", "POST", Bookings, "[]", 400, "validation"),
        new("booking: JSON null", "POST", Bookings, "null", 400, "validation"),
        new("booking: check-in as a number", "POST", Bookings, Booking(checkIn: "20300101"), 400, "validation", "checkIn"),
        new("booking: check-in not a date", "POST", Bookings, Booking(checkIn: "\"31/12/2030\""), 400, "validation", "checkIn"),
        new("booking: guest as a string", "POST", Bookings, Booking(guest: "\"Ann\""), 400, "validation", "guest"),
        new("booking: missing guest", "POST", Bookings, Booking(guest: "null"), 400, "validation", "guest"),
        new("booking: check-out before check-in", "POST", Bookings, Booking(checkIn: Date(5), checkOut: Date(3)), 400, "validation", "checkOut"),
        new("booking: zero nights", "POST", Bookings, Booking(checkIn: Date(5), checkOut: Date(5)), 400, "validation", "checkOut"),
        new("booking: 400 nights", "POST", Bookings, Booking(checkIn: Date(1), checkOut: Date(401)), 400, "validation", "checkOut"),
        new("booking: dates in the past", "POST", Bookings, Booking(checkIn: Date(-3), checkOut: Date(-1)), 400, "validation", "checkIn"),
        new("booking: arrival centuries ahead", "POST", Bookings, Booking(checkIn: "\"2999-01-01\"", checkOut: "\"2999-01-03\""), 400, "validation", "checkIn"),
        new("booking: check-out in year 9999", "POST", Bookings, Booking(checkIn: Date(1), checkOut: "\"9999-12-31\""), 400, "validation", "checkOut"),
        new("booking: unknown property", "POST", Bookings, Booking(property: "nowhere"), 404, "not-found"),
        new("booking: unknown room", "POST", Bookings, Booking(room: "\"z9\""), 404, "not-found"),
        new("booking: unknown room type", "POST", Bookings, Booking(room: "null", roomType: "\"penthouse\""), 404, "not-found"),
        new("booking: oversize guest name", "POST", Bookings, Booking(guest: $$"""{"name": "{{new string('x', 10_000)}}", "email": "a@b.c"}"""), 400, "validation", "guest.name"),
        new("booking: not an email", "POST", Bookings, Booking(guest: """{"name": "Ann", "email": "ann"}"""), 400, "validation", "guest.email"),
        new("booking: room id with a slash", "POST", Bookings, Booking(room: "\"d1/../s1\""), 400, "validation", "roomId"),
        new("booking: another organization's property", "POST", Bookings, Booking(property: "rival-inn", room: "\"r1\""), 404, "not-found"),
        new("booking: unknown organization", "POST", "/api/orgs/nobody/bookings", Booking(), 404, "not-found"),
        new("booking: oversize organization id", "POST", $"/api/orgs/{new string('a', 100)}/bookings", Booking(), 404, "not-found"),
        new("booking: oversize Idempotency-Key", "POST", Bookings, Booking(), 400, "validation", "Idempotency-Key", IdempotencyKey: new string('k', 300)),
        new("booking: text/plain body", "POST", Bookings, Booking(), 415, "unsupported-media-type", ContentType: "text/plain"),
        new("booking: another organization's booking", "GET", Bookings + "/{rival}", null, 404, "not-found"),
        new("booking: confirm another organization's booking", "POST", Bookings + "/{rival}/confirm", null, 404, "not-found"),
        new("booking: cancel an unknown booking", "POST", Bookings + "/nope/cancel", null, 404, "not-found"),
        new("booking: new dates in the past", "PUT", Bookings + "/{acme}/dates", $$"""{"checkIn": {{Date(-2)}}, "checkOut": {{Date(1)}}}""", 400, "validation", "checkIn"),
        new("booking: new dates reversed", "PUT", Bookings + "/{acme}/dates", $$"""{"checkIn": {{Date(6)}}, "checkOut": {{Date(4)}}}""", 400, "validation", "checkOut"),
        new("booking: move without a room", "POST", Bookings + "/{acme}/move", "{}", 400, "validation", "roomId"),
        new("booking: move to another organization's room", "POST", Bookings + "/{acme}/move", """{"roomId": "r1"}""", 404, "not-found"),
        new("booking: check in before arrival day", "POST", Bookings + "/{acme}/check-in", null, 409, "invalid-transition"),
        new("property: empty object", "POST", "/api/orgs/acme/properties", "{}", 400, "validation", "id"),
        new("property: unknown time zone", "POST", "/api/orgs/acme/properties", Property(timeZone: "\"Mars/Olympus\""), 400, "validation", "settings.timeZone"),
        new("property: time zone path trick", "POST", "/api/orgs/acme/properties", Property(timeZone: "\"../../etc/passwd\""), 400, "validation", "settings.timeZone"),
        new("property: lowercase currency", "POST", "/api/orgs/acme/properties", Property(currency: "\"eur\""), 400, "validation", "settings.currency"),
        new("property: minimum stay as text", "POST", "/api/orgs/acme/properties", Property(minimumStay: "\"x\""), 400, "validation", "settings.minimumStay"),
        new("property: minimum stay overflowing int", "POST", "/api/orgs/acme/properties", Property(minimumStay: "99999999999"), 400, "validation", "settings.minimumStay"),
        new("property: rate overflowing decimal", "POST", "/api/orgs/acme/properties", Property(rate: "1e300"), 400, "validation", "roomTypes[0].nightlyRate"),
        new("property: negative rate", "POST", "/api/orgs/acme/properties", Property(rate: "-5"), 400, "validation", "roomTypes[0].nightlyRate"),
        new("property: check-in time not a time", "POST", "/api/orgs/acme/properties", Property(checkInTime: "\"3pm\""), 400, "validation", "settings.checkInTime"),
        new("property: rates range reversed", "PUT", Hotel + "/room-types/double/rates", $$"""{"from": {{Date(5)}}, "to": {{Date(2)}}, "nightlyRate": 90}""", 400, "validation", "to"),
        new("property: rates for another organization's property", "PUT", "/api/orgs/acme/properties/rival-inn/room-types/double/rates", $$"""{"from": {{Date(2)}}, "to": {{Date(5)}}, "nightlyRate": 90}""", 404, "not-found"),
        new("property: settings of an unknown property", "PUT", "/api/orgs/acme/properties/nope/settings", Settings(), 404, "not-found"),
        new("room: unknown room type", "POST", Hotel + "/rooms", """{"id": "x1", "name": "X1", "roomType": "penthouse"}""", 400, "validation", "roomType"),
        new("room: id taken", "POST", Hotel + "/rooms", """{"id": "d1", "name": "Again", "roomType": "double"}""", 409, "conflict"),
        new("room: unknown housekeeping status", "PUT", Hotel + "/rooms/d2/housekeeping", """{"status": "Sparkling"}""", 400, "validation", "status"),
        new("block: empty object", "POST", Blocks, "{}", 400, "validation", "from"),
        new("block: no body", "POST", Blocks, null, 400, "validation", "body"),
        new("block: no from", "POST", Blocks, Block(from: "null"), 400, "validation", "from"),
        new("block: no to", "POST", Blocks, Block(to: "null"), 400, "validation", "to"),
        new("block: from not a date", "POST", Blocks, Block(from: "\"2030-02-30\""), 400, "validation", "from"),
        new("block: to not a date", "POST", Blocks, Block(to: "\"31/12/2030\""), 400, "validation", "to"),
        new("block: backwards", "POST", Blocks, Block(from: Date(5), to: Date(3)), 400, "validation", "to"),
        new("block: no nights", "POST", Blocks, Block(from: Date(5), to: Date(5)), 400, "validation", "to"),
        new("block: from in the past", "POST", Blocks, Block(from: Date(-2), to: Date(3)), 400, "validation", "from"),
        new("block: from centuries ahead", "POST", Blocks, Block(from: "\"2999-01-01\"", to: "\"2999-01-03\""), 400, "validation", "from"),
        new("block: to in year 9999", "POST", Blocks, Block(to: "\"9999-12-31\""), 400, "validation", "to"),
        new("block: unknown kind", "POST", Blocks, Block(kind: "\"broken\""), 400, "validation", "kind"),
        new("block: no kind", "POST", Blocks, Block(kind: "null"), 400, "validation", "kind"),
        new("block: no reason", "POST", Blocks, Block(reason: "null"), 400, "validation", "reason"),
        new("block: blank reason", "POST", Blocks, Block(reason: "\"   \""), 400, "validation", "reason"),
        new("block: oversize reason", "POST", Blocks, Block(reason: $"\"{new string('x', 201)}\""), 400, "validation", "reason"),
        new("block: control character in reason", "POST", Blocks, Block(reason: "\"Leak\\u0007\""), 400, "validation", "reason"),
        new("block: invisible reason", "POST", Blocks, Block(reason: "\"\\u200B\\u200B\""), 400, "validation", "reason"),
        new("block: reason that reverses the writing", "POST", Blocks, Block(reason: "\"Refit \\u202Egpj.exe\""), 400, "validation", "reason"),
        new("block: unknown room", "POST", Hotel + "/rooms/z9/blocks", Block(), 404, "not-found"),
        new("block: another organization's room", "POST", "/api/orgs/acme/properties/rival-inn/rooms/r1/blocks", Block(), 404, "not-found"),
        new("block: remove an unknown block", "DELETE", Blocks + "/999", null, 404, "not-found"),
        new("block: remove a block of an unknown room", "DELETE", Hotel + "/rooms/z9/blocks/1", null, 404, "not-found"),
        new("room: oversize name", "PUT", Hotel + "/rooms/d2/name", $$"""{"name": "{{new string('n', 1000)}}"}""", 400, "validation", "name"),
        new("room: another organization's room", "GET", "/api/orgs/acme/properties/rival-inn/rooms/r1", null, 404, "not-found"),
        new("room: retire another organization's room", "POST", "/api/orgs/acme/properties/rival-inn/rooms/r1/retire", null, 404, "not-found"),
        new("room: retire a room with stays to come", "POST", Hotel + "/rooms/d1/retire", null, 409, "conflict"),
        new("organization: id with spaces", "POST", "/api/orgs", """{"id": "Acme Corp", "name": "Acme"}""", 400, "validation", "id"),
        new("organization: id taken", "POST", "/api/orgs", """{"id": "acme", "name": "Acme again"}""", 409, "conflict"),
        new("organization: unknown plan", "PUT", "/api/orgs/acme/plan", """{"plan": "Gold"}""", 400, "validation", "plan"),
        new("organization: plan as a number array", "PUT", "/api/orgs/acme/plan", """{"plan": [1]}""", 400, "validation", "plan"),
        new("availability: check-in not a date", "GET", Hotel + $"/availability?checkIn=tomorrow&checkOut={Day(3)}", null, 400, "validation", "checkIn"),
        new("availability: no check-out", "GET", Hotel + $"/availability?checkIn={Day(1)}", null, 400, "validation", "checkOut"),
        new("availability: another organization's property", "GET", $"/api/orgs/acme/properties/rival-inn/availability?checkIn={Day(1)}&checkOut={Day(3)}", null, 404, "not-found"),
        new("no such route", "GET", "/api/orgs/acme/nothing-here", null, 404, "not-found"),
        new("wrong method", "DELETE", Bookings + "/{acme}", null, 405, "method-not-allowed"),
        new("board: from in year 9999", "GET", Hotel + "/board?from=9999-12-25", null, 400, "validation", "from"),
        new("board: to in year 1", "GET", Hotel + "/board?to=0001-01-01", null, 400, "validation", "to"),
        new("availability: check-out on the last day there is", "GET", Hotel + $"/availability?checkIn={Day(1)}&checkOut=9999-12-31", null, 400, "validation", "checkOut"),
        new("figures: from in year 1", "GET", Hotel + "/figures?from=0001-01-01&to=0001-01-05", null, 400, "validation", "from"),
        new("figures as CSV: from in year 1", "GET", Hotel + "/figures.csv?from=0001-01-01&to=0001-01-05", null, 400, "validation", "from"),
        new("audit: limit not a number", "GET", "/api/orgs/acme/audit?limit=lots", null, 400, "validation", "limit"),
        new("booking: guest name of zero-width characters only", "POST", Bookings, Booking(guest: """{"name": "\u200B\u200C\u200D\uFEFF", "email": "a@b.c"}"""), 400, "validation", "guest.name"),
        new("booking: guest name with a right-to-left override", "POST", Bookings, Booking(guest: """{"name": "Ann \u202Egpj.exe", "email": "a@b.c"}"""), 400, "validation", "guest.name"),
        new("booking: guest name with a bidirectional isolate", "POST", Bookings, Booking(guest: """{"name": "\u2067Ann\u2069", "email": "a@b.c"}"""), 400, "validation", "guest.name"),
        new("booking: no guests", "POST", Bookings, Booking(guests: "0"), 400, "validation", "guests"),
        new("booking: negative guests", "POST", Bookings, Booking(guests: "-2"), 400, "validation", "guests"),
        new("booking: a thousand guests", "POST", Bookings, Booking(guests: "1000"), 400, "validation", "guests"),
        new("booking: guests as text", "POST", Bookings, Booking(guests: "\"two\""), 400, "validation", "guests"),
        new("booking: guests as a fraction", "POST", Bookings, Booking(guests: "2.5"), 400, "validation", "guests"),
        new("booking: more guests than the room sleeps", "POST", Bookings, Booking(guests: "3"), 400, "validation", "guests"),
        new("booking: more guests than the room type sleeps", "POST", Bookings, Booking(room: "null", roomType: "\"double\"", guests: "3"), 400, "validation", "guests"),
        new("availability: no guests", "GET", Hotel + $"/availability?checkIn={Day(1)}&checkOut={Day(3)}&guests=0", null, 400, "validation", "guests"),
        new("availability: negative guests", "GET", Hotel + $"/availability?checkIn={Day(1)}&checkOut={Day(3)}&guests=-1", null, 400, "validation", "guests"),
        new("availability: a thousand guests", "GET", Hotel + $"/availability?checkIn={Day(1)}&checkOut={Day(3)}&guests=1000", null, 400, "validation", "guests"),
        new("availability: guests as text", "GET", Hotel + $"/availability?checkIn={Day(1)}&checkOut={Day(3)}&guests=two", null, 400, "validation", "guests"),
        new("quote: more guests than the room type sleeps", "GET", Hotel + $"/quote?roomType=double&checkIn={Day(1)}&checkOut={Day(3)}&guests=3", null, 400, "validation", "guests"),
        new("quote: a thousand guests", "GET", Hotel + $"/quote?roomType=double&checkIn={Day(1)}&checkOut={Day(3)}&guests=1000", null, 400, "validation", "guests"),
        new("quote: guests as text", "GET", Hotel + $"/quote?roomType=double&checkIn={Day(1)}&checkOut={Day(3)}&guests=many", null, 400, "validation", "guests"),
        new("room type: sleeps nobody", "PUT", Hotel + "/room-types/double", """{"name": "Double", "nightlyRate": 100, "maxOccupancy": 0}""", 400, "validation", "maxOccupancy"),
        new("room type: sleeps a thousand", "PUT", Hotel + "/room-types/double", """{"name": "Double", "nightlyRate": 100, "maxOccupancy": 1000}""", 400, "validation", "maxOccupancy"),
        new("room type: occupancy as text", "PUT", Hotel + "/room-types/double", """{"name": "Double", "nightlyRate": 100, "maxOccupancy": "four"}""", 400, "validation", "maxOccupancy"),
        new("property: a room type that sleeps nobody", "POST", "/api/orgs/acme/properties", Property(maxOccupancy: "-1"), 400, "validation", "roomTypes[0].maxOccupancy"),
        new("quote: unknown room type", "GET", Hotel + $"/quote?roomType=penthouse&checkIn={Day(1)}&checkOut={Day(3)}", null, 404, "not-found"),
        new("a/b test: one variant", "POST", Hotel + "/ab-tests", AbTest(variants: """[{"key": "a", "weight": 1}]"""), 400, "validation", "variants"),
        new("a/b test: zero weight", "POST", Hotel + "/ab-tests", AbTest(variants: """[{"key": "a", "weight": 0}, {"key": "b", "weight": 1}]"""), 400, "validation", "variants[0].weight"),
        new("a/b test: negative weight", "POST", Hotel + "/ab-tests", AbTest(variants: """[{"key": "a", "weight": 1}, {"key": "b", "weight": -3}]"""), 400, "validation", "variants[1].weight"),
        new("a/b test: same key twice", "POST", Hotel + "/ab-tests", AbTest(variants: """[{"key": "a", "weight": 1}, {"key": "a", "weight": 1}]"""), 400, "validation", "variants"),
        new("a/b test: huge name", "POST", Hotel + "/ab-tests", AbTest(name: JsonSerializer.Serialize(new string('n', 10_000))), 400, "validation", "name"),
        new("a/b test: unknown field", "POST", Hotel + "/ab-tests", """{"name": "T", "variants": [{"key": "a", "weight": 1}, {"key": "b", "weight": 1}], "winner": "b"}""", 400, "validation", "winner"),
        new("a/b test: unknown field of a variant", "POST", Hotel + "/ab-tests", AbTest(variants: """[{"key": "a", "weight": 1, "price": 0}, {"key": "b", "weight": 1}]"""), 400, "validation"),
        new("a/b test: unknown room type in the order", "POST", Hotel + "/ab-tests", AbTest(variants: """[{"key": "a", "weight": 1, "roomTypeOrder": ["penthouse"]}, {"key": "b", "weight": 1}]"""), 400, "validation", "variants[0].roomTypeOrder"),
        new("a/b test: another organization's property", "POST", "/api/orgs/acme/properties/rival-inn/ab-tests", AbTest(), 404, "not-found"),
        new("a/b test: start an unknown test", "POST", Hotel + "/ab-tests/404/start", null, 404, "not-found"),
        new("visit: huge utm_source", "POST", Hotel + "/visits", $$"""{"utmSource": "{{new string('u', 101)}}"}""", 400, "validation", "utmSource"),
        new("visit: huge utm_campaign", "POST", Hotel + "/visits", $$"""{"utmCampaign": "{{new string('u', 100_000)}}"}""", 400, "validation", "utmCampaign"),
        new("visit: chooses its own variant", "POST", Hotel + "/visits", """{"landingPage": "/book/acme/hotel", "variant": "b"}""", 400, "validation", "variant"),
        new("visit: another organization's property", "POST", "/api/orgs/acme/properties/rival-inn/visits", "{}", 404, "not-found"),
        new("visit step: unknown step", "POST", Hotel + "/visits/AAAAAAAAAAAAAAAAAAAAAA/steps", """{"step": "paid"}""", 400, "validation", "step"),
        new("visit step: held, which only a booking reports", "POST", Hotel + "/visits/AAAAAAAAAAAAAAAAAAAAAA/steps", """{"step": "held"}""", 400, "validation", "step"),
        new("visit steps: neither step nor steps", "POST", Hotel + "/visits/AAAAAAAAAAAAAAAAAAAAAA/steps", "{}", 400, "validation", "steps"),
        new("visit steps: an empty batch", "POST", Hotel + "/visits/AAAAAAAAAAAAAAAAAAAAAA/steps", """{"steps": []}""", 400, "validation", "steps"),
        new("visit steps: both step and steps", "POST", Hotel + "/visits/AAAAAAAAAAAAAAAAAAAAAA/steps", """{"step": "viewed", "steps": ["searched"]}""", 400, "validation", "steps"),
        new("visit steps: a batch longer than the page's steps", "POST", Hotel + "/visits/AAAAAAAAAAAAAAAAAAAAAA/steps", """{"steps": ["viewed", "searched", "saw-prices", "chose-room", "viewed"]}""", 400, "validation", "steps"),
        new("visit steps: confirmed in a batch", "POST", Hotel + "/visits/AAAAAAAAAAAAAAAAAAAAAA/steps", """{"steps": ["viewed", "confirmed"]}""", 400, "validation", "steps"),
        new("visit steps: a number for a step", "POST", Hotel + "/visits/AAAAAAAAAAAAAAAAAAAAAA/steps", """{"steps": [3]}""", 400, "validation"),
        new("visit: starts having held", "POST", Hotel + "/visits", """{"steps": ["viewed", "held"]}""", 400, "validation", "steps"),
        new("visit step: not a visit id", "POST", Hotel + "/visits/..%2F..%2Fx/steps", """{"step": "viewed"}""", 404, "not-found"),
        new("visit step: huge visit id", "POST", Hotel + $"/visits/{new string('A', 5000)}/steps", """{"step": "viewed"}""", 404, "not-found"),
        new("funnel: range backwards", "GET", Hotel + "/funnel?from=2026-12-10&to=2026-12-01", null, 400, "validation", "to"),
        new("funnel: 400 days", "GET", Hotel + "/funnel?from=2026-01-01&to=2027-02-04", null, 400, "validation", "to"),
    }.ToDictionary(c => c.Name);

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Bad_input_gets_a_4xx_problem_naming_what_is_wrong_and_changes_nothing(string name)
    {
        var input = Cases[name];
        var path = input.Path.Replace("{rival}", api.RivalBooking, StringComparison.Ordinal).Replace("{acme}", api.AcmeBooking, StringComparison.Ordinal);
        var before = await api.Database.FingerprintAsync();

        using var response = await api.Client.SendRawAsync(new HttpMethod(input.Method), path, input.Body, input.ContentType ?? "application/json", input.IdempotencyKey);
        var problem = await response.ReadAsync();

        Assert.Equal(input.Status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ApiFixture.Problems + input.Problem, problem.ProblemType());
        // Problems speak the project's words, never the framework's ("Implicit body inferred", "Nullable<int>").
        Assert.DoesNotContain(FrameworkWords, word => problem.GetRawText().Contains(word, StringComparison.Ordinal));
        if (input.Field is not null)
        {
            Assert.True(
                problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(input.Field, out _),
                $"expected an error for '{input.Field}' in {problem}");
        }

        Assert.Equal(before, await api.Database.FingerprintAsync());
    }

    private static readonly string[] FrameworkWords = ["Implicit body", "inferred", "Failed to bind", "Nullable<", "Microsoft.", "System."];

    private static string Day(int days) => ApiFixture.Day(days);

    private static string Date(int days) => JsonSerializer.Serialize(ApiFixture.Day(days));

    private static string Block(string? from = null, string? to = null, string kind = "\"out_of_order\"", string reason = "\"Bathroom refit\"") =>
        $$"""{"from": {{from ?? Date(10)}}, "to": {{to ?? Date(12)}}, "kind": {{kind}}, "reason": {{reason}}}""";

    private static string Booking(string property = "hotel", string room = "\"d2\"", string roomType = "null", string? checkIn = null, string? checkOut = null, string? guest = null, string guests = "1") =>
        $$"""
        {"propertyId": "{{property}}", "roomId": {{room}}, "roomType": {{roomType}}, "checkIn": {{checkIn ?? Date(10)}}, "checkOut": {{checkOut ?? Date(12)}},
         "guest": {{guest ?? """{"name": "Ann", "email": "ann@example.com"}"""}}, "guests": {{guests}}}
        """;

    private static string Settings(string timeZone = "\"UTC\"", string currency = "\"EUR\"", string minimumStay = "1", string checkInTime = "\"15:00\"") =>
        $$"""{"name": "New", "timeZone": {{timeZone}}, "currency": {{currency}}, "checkInTime": {{checkInTime}}, "checkOutTime": "11:00", "minimumStay": {{minimumStay}}}""";

    private static string Property(string timeZone = "\"UTC\"", string currency = "\"EUR\"", string minimumStay = "1", string rate = "90", string checkInTime = "\"15:00\"", string maxOccupancy = "2") =>
        $$"""{"id": "annex", "settings": {{Settings(timeZone, currency, minimumStay, checkInTime)}}, "roomTypes": [{"id": "double", "name": "Double", "nightlyRate": {{rate}}, "maxOccupancy": {{maxOccupancy}}}]}""";

    private static string AbTest(string name = "\"Headline\"", string variants = """[{"key": "a", "weight": 1}, {"key": "b", "weight": 1}]""") =>
        $$"""{"name": {{name}}, "variants": {{variants}}}""";

    public sealed record Case(string Name, string Method, string Path, string? Body, int Status, string Problem, string? Field = null, string? ContentType = null, string? IdempotencyKey = null);
}
