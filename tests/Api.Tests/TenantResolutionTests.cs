using System.Net;
using Xunit;

namespace Actors.Api.Tests;

/// <summary>
/// The organization is named by the X-Organization header, then the subdomain, then the path; all
/// that are given must name the same one, and the member check runs against it.
/// </summary>
public sealed class TenantResolutionTests(IsolationApi api) : IClassFixture<IsolationApi>
{
    private const string Alpha = IsolationApi.Alpha;
    private const string Bravo = IsolationApi.Bravo;

    public static TheoryData<string, string?, string?, int, string?> Cases => new()
    {
        // path, header, subdomain -> status, problem
        { Alpha, null, null, 200, null },
        { Alpha, Alpha, null, 200, null },
        { Alpha, null, Alpha, 200, null },
        { Alpha, Alpha, Alpha, 200, null },
        { Alpha, Bravo, null, 403, "wrong-organization" },
        { Alpha, null, Bravo, 403, "wrong-organization" },
        { Alpha, Alpha, Bravo, 403, "wrong-organization" },
        { Alpha, Bravo, Alpha, 403, "wrong-organization" },
        { Bravo, Alpha, null, 403, "wrong-organization" },
        { Bravo, null, Alpha, 403, "wrong-organization" },
        { Bravo, Bravo, Bravo, 403, "forbidden" },
        { Bravo, null, null, 403, "forbidden" },
        { Alpha, "ALPHA", null, 403, "wrong-organization" },
        { Alpha, "alpha, bravo", null, 403, "wrong-organization" },
        // Reserved subdomains are the site itself, not an organization.
        { Alpha, null, "www", 200, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Header_subdomain_and_path_must_agree_and_the_member_must_belong(string path, string? header, string? subdomain, int status, string? problem)
    {
        using var client = api.ClientFor(api.OwnerToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/orgs/{path}/properties");
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Organization", header);
        }

        if (subdomain is not null)
        {
            request.Headers.Host = $"{subdomain}.{IsolationApi.BaseHost}";
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        if (problem is not null)
        {
            Assert.Equal(ApiFixture.Problems + problem, (await response.ReadAsync()).ProblemType());
        }
    }

    [Fact]
    public async Task A_mismatched_header_is_refused_even_on_public_guest_endpoints()
    {
        using var guest = api.App.NewClient();
        var path = $"/api/orgs/{Bravo}/properties/{IsolationApi.BravoProperty}/availability?checkIn={ApiFixture.Day(3)}&checkOut={ApiFixture.Day(5)}";
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Organization", Alpha);

        await guest.GetAsync(path).OkAsync();
        using var refused = await guest.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
