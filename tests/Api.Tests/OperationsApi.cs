using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Actors.Api.Tests;

/// <summary>An app with an operator key whose log lines the tests can read.</summary>
public sealed class OperationsApi : ApiFixture
{
    public const string Key = "operator key for the operations tests";

    public CapturedLogs Logs { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Operations:Key"] = Key,
        ["Dashboard:Enabled"] = "true",
    };

    protected override void Configure(WebApplicationBuilder builder)
    {
        builder.Logging.AddProvider(Logs);
        // Only this provider hears information-level lines: the console stays at warnings.
        builder.Logging.AddFilter<CapturedLogs>(null, LogLevel.Information);
    }

    /// <summary>A client that signs in as the operator the way a browser or Prometheus does: HTTP Basic with the key as password.</summary>
    public HttpClient OperatorClient()
    {
        var client = App.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("ops:" + Key)));
        return client;
    }
}
