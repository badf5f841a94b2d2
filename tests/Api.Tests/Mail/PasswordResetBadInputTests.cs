using System.Net;
using Xunit;

namespace Actors.Api.Tests.Mail;

public sealed class PasswordResetBadInputTests(MailedApi api) : IClassFixture<MailedApi>
{
    private const string Ask = "/api/password-reset";
    private const string Confirm = "/api/password-reset/confirm";
    private const string WellFormedToken = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    public static TheoryData<string, string, string?, int, string, string?> Cases => new()
    {
        { "ask: no body", Ask, null, 400, "validation", "body" },
        { "ask: empty object", Ask, "{}", 400, "validation", "email" },
        { "ask: malformed JSON", Ask, """{"email": """, 400, "validation", null },
        { "ask: array", Ask, "[]", 400, "validation", null },
        { "ask: email as a number", Ask, """{"email": 5}""", 400, "validation", "email" },
        { "ask: email as an object", Ask, """{"email": {"a": 1}}""", 400, "validation", "email" },
        { "ask: blank email", Ask, """{"email": "   "}""", 400, "validation", "email" },
        { "ask: not an email", Ask, """{"email": "ann"}""", 400, "validation", "email" },
        { "ask: huge email", Ask, $$"""{"email": "{{new string('a', 100_000)}}@example.com"}""", 400, "validation", "email" },
        { "ask: invisible email", Ask, """{"email": "\u200B\u200B"}""", 400, "validation", "email" },
        { "ask: direction override in email", Ask, """{"email": "ann\u202E@example.com"}""", 400, "validation", "email" },
        { "ask: control character in email", Ask, """{"email": "ann\u0000@example.com"}""", 400, "validation", "email" },
        { "confirm: no body", Confirm, null, 400, "validation", "body" },
        { "confirm: empty object", Confirm, "{}", 400, "validation", "token" },
        { "confirm: token as a number", Confirm, """{"token": 123, "password": "long enough password"}""", 400, "validation", "token" },
        { "confirm: password as a boolean", Confirm, $$"""{"token": "{{WellFormedToken}}", "password": true}""", 400, "validation", "password" },
        { "confirm: token too short", Confirm, """{"token": "abc", "password": "long enough password"}""", 400, "validation", "token" },
        { "confirm: huge token", Confirm, $$"""{"token": "{{new string('a', 100_000)}}", "password": "long enough password"}""", 400, "validation", "token" },
        { "confirm: token with invisible characters", Confirm, $$"""{"token": "{{WellFormedToken[..^1]}}\u200B", "password": "long enough password"}""", 400, "validation", "token" },
        { "confirm: short password", Confirm, $$"""{"token": "{{WellFormedToken}}", "password": "short"}""", 400, "validation", "password" },
        { "confirm: huge password", Confirm, $$"""{"token": "{{WellFormedToken}}", "password": "{{new string('p', 300)}}"}""", 400, "validation", "password" },
        { "confirm: unknown token", Confirm, $$"""{"token": "{{WellFormedToken}}", "password": "long enough password"}""", 410, "link-gone", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_gets_a_problem_in_our_words(string name, string path, string? body, int status, string problem, string? field)
    {
        using var client = api.App.NewClient();
        using var response = await client.SendRawAsync(HttpMethod.Post, path, body);
        var answer = await response.ReadAsync();

        Assert.True(status == (int)response.StatusCode, $"{name}: {(int)response.StatusCode} {answer}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ApiFixture.Problems + problem, answer.ProblemType());
        if (field is not null)
        {
            Assert.True(answer.GetProperty("errors").TryGetProperty(field, out _), $"{name}: {answer}");
        }
    }
}
