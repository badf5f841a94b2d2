using System.Net;
using System.Security.Claims;
using System.Text;
using Actors.Silo.Product;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Actors.Api.Tests;

public sealed class AccountTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Signing_up_opens_the_organization_with_its_owner_who_signs_in_and_sees_it()
    {
        using var client = api.App.NewClient();
        var email = $"Ann-{Guid.NewGuid():N}@Example.com";
        using var signUp = await client.PostAsync("/api/signup", new
        {
            organizationId = "ann-hotels",
            organizationName = "Ann's Hotels",
            email,
            name = "Ann",
            password = ApiFixture.Password,
        });
        Assert.Equal(HttpStatusCode.Created, signUp.StatusCode);

        var token = await api.SignInAsync(email.ToUpperInvariant());
        using var ann = api.ClientFor(token);
        var me = await ann.GetAsync("/api/me").OkAsync();
        var organization = await ann.GetAsync("/api/orgs/ann-hotels").OkAsync();

        Assert.Equal(email.ToLowerInvariant(), me.GetProperty("email").GetString());
        Assert.Equal("Owner", me.GetProperty("memberships").GetProperty("ann-hotels").GetString());
        Assert.Equal("Free", organization.GetProperty("plan").GetString());
    }

    [Fact]
    public async Task Sign_up_refuses_a_short_password_a_taken_organization_and_someone_elses_account()
    {
        using var client = api.App.NewClient();
        var email = $"bea-{Guid.NewGuid():N}@example.com";
        using var shortPassword = await client.PostAsync("/api/signup", new { organizationId = "bea-1", organizationName = "Bea", email, name = "Bea", password = "short" });
        await client.PostAsync("/api/signup", new { organizationId = "bea-2", organizationName = "Bea", email, name = "Bea", password = ApiFixture.Password }).OkAsync();
        using var taken = await client.PostAsync("/api/signup", new { organizationId = "bea-2", organizationName = "Bea", email = "x" + email, name = "X", password = ApiFixture.Password });
        using var wrongPassword = await client.PostAsync("/api/signup", new { organizationId = "bea-3", organizationName = "Bea", email, name = "Bea", password = "not her password" });
        using var second = await client.PostAsync("/api/signup", new { organizationId = "bea-4", organizationName = "Bea", email, name = "Bea", password = ApiFixture.Password });

        Assert.Equal(HttpStatusCode.BadRequest, shortPassword.StatusCode);
        Assert.True((await shortPassword.ReadAsync()).GetProperty("errors").TryGetProperty("password", out _));
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(ApiFixture.Problems + "sign-in-failed", (await wrongPassword.ReadAsync()).ProblemType());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes_even_against_the_right_one()
    {
        var email = $"cid-{Guid.NewGuid():N}@example.com";
        using var client = api.App.NewClient();
        await client.PostAsync("/api/signup", new { organizationId = "cid-" + Guid.NewGuid().ToString("N")[..8], organizationName = "Cid", email, name = "Cid", password = ApiFixture.Password }).OkAsync();

        var failures = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.PostAsync("/api/sign-in", new { email, password = "wrong password " + i });
            failures.Add(wrong.StatusCode);
        }

        using var locked = await client.PostAsync("/api/sign-in", new { email, password = ApiFixture.Password });
        var problem = await locked.ReadAsync();

        Assert.All(failures, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal((HttpStatusCode)423, locked.StatusCode);
        Assert.Equal(ApiFixture.Problems + "locked-out", problem.ProblemType());
        Assert.Contains("locked for 15 more minute", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var retryAfter = locked.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalMinutes, 14, 15.01);
    }

    [Fact]
    public async Task Parallel_guesses_are_counted_one_by_one_so_no_more_than_five_are_ever_checked()
    {
        var email = $"dee-{Guid.NewGuid():N}@example.com";
        using var client = api.App.NewClient();
        await client.PostAsync("/api/signup", new { organizationId = "dee-" + Guid.NewGuid().ToString("N")[..8], organizationName = "Dee", email, name = "Dee", password = ApiFixture.Password }).OkAsync();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var guesser = api.App.NewClient();
            using var guess = await guesser.PostAsync("/api/sign-in", new { email, password = "guess number " + i });
            return guess.StatusCode;
        }));

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(15, statuses.Count(s => s == (HttpStatusCode)423));
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_answer_as_a_wrong_password()
    {
        using var client = api.App.NewClient();
        using var unknown = await client.PostAsync("/api/sign-in", new { email = $"nobody-{Guid.NewGuid():N}@example.com", password = ApiFixture.Password });
        using var wrong = await client.PostAsync("/api/sign-in", new { email = api.OwnerEmail, password = "wrong password" });

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal((await wrong.ReadAsync()).GetProperty("detail").GetString(), (await unknown.ReadAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_tampered_forged_expired_or_foreign_token_is_refused_with_401()
    {
        var token = api.OwnerToken;
        var parts = token.Split('.');
        var otherPayload = Base64Url("""{"sub":"someone@else.com","iat":1,"exp":99999999999}""");
        var stamp = new JsonWebTokenHandler().ReadJsonWebToken(token).GetClaim("session").Value;
        var product = new ProductOptions().Name;
        var tokens = new Dictionary<string, string>
        {
            ["another payload under the same signature"] = $"{parts[0]}.{otherPayload}.{parts[2]}",
            ["a broken signature"] = token[..^2] + "xx",
            ["the old hand-made format"] = "v1.abc.def",
            ["not a token"] = "garbage",
            ["unsigned (alg none)"] = $"{Base64Url("""{"alg":"none","typ":"JWT"}""")}.{parts[1]}.",
            ["another product's, same key"] = Signed(BookingApp.SigningKey, "Another Product", api.OwnerEmail, stamp, TimeSpan.FromHours(1)),
            ["signed with another key"] = Signed("another-signing-key-of-at-least-32-characters", product, api.OwnerEmail, stamp, TimeSpan.FromHours(1)),
            ["expired"] = Signed(BookingApp.SigningKey, product, api.OwnerEmail, stamp, TimeSpan.FromMinutes(-5)),
            ["a session the account never had"] = Signed(BookingApp.SigningKey, product, api.OwnerEmail, "not-the-session", TimeSpan.FromHours(1)),
        };

        // The genuine article, made the same way, is taken: the refusals below are about what was changed.
        using (var genuine = api.ClientFor(Signed(BookingApp.SigningKey, product, api.OwnerEmail, stamp, TimeSpan.FromHours(1))))
        {
            await genuine.GetAsync("/api/me").OkAsync();
        }

        foreach (var (what, bad) in tokens)
        {
            using var client = api.ClientFor(bad);
            using var response = await client.GetAsync("/api/me");
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{what}: {(int)response.StatusCode}");
            Assert.Equal(ApiFixture.Problems + "unauthorized", (await response.ReadAsync()).ProblemType());
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }
    }

    [Fact]
    public async Task A_token_is_a_standard_JWT_issued_by_and_for_the_product_for_the_account()
    {
        var token = new JsonWebTokenHandler().ReadJsonWebToken(api.OwnerToken);

        Assert.Equal("HS256", token.Alg);
        Assert.Equal(new ProductOptions().Name, token.Issuer);
        Assert.Equal([new ProductOptions().Name], token.Audiences);
        Assert.Equal(api.OwnerEmail, token.Subject);
        Assert.InRange(token.ValidTo - token.IssuedAt, TimeSpan.FromHours(11.9), TimeSpan.FromHours(12));
    }

    private static string Signed(string key, string product, string email, string stamp, TimeSpan lifetime)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = product,
            Audience = product,
            IssuedAt = now.AddHours(-1),
            NotBefore = now.AddHours(-1),
            Expires = now + lifetime,
            Subject = new ClaimsIdentity([new Claim("sub", email), new Claim("session", stamp)]),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }

    private static string Base64Url(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [Fact]
    public async Task A_token_from_before_a_restart_still_works_because_the_key_is_configured()
    {
        await api.RestartAsync();

        using var client = api.ClientFor(api.OwnerToken);
        var me = await client.GetAsync("/api/me").OkAsync();

        Assert.Equal(api.OwnerEmail, me.GetProperty("email").GetString());
    }
}
