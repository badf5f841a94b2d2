using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Actors.Api.Tests.Mail;

/// <summary>
/// An SMTP server that takes the connection and never says a word, the worst a mail server can do:
/// each try waits out Mail:Timeout. Requests that write mail must not wait with it.
/// </summary>
public sealed class SilentSmtpApi : ApiFixture, IDisposable
{
    public static readonly TimeSpan SmtpTimeout = TimeSpan.FromSeconds(3);

    private readonly TcpListener silent = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> held = [];

    public SilentSmtpApi()
    {
        silent.Start();
        _ = HoldConnectionsAsync();
    }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = ((IPEndPoint)silent.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Security"] = "None",
        ["Mail:Timeout"] = SmtpTimeout.ToString(),
        ["Mail:MaxAttempts"] = "2",
        ["Mail:RetryDelay"] = "00:00:00.100",
    };

    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Logging.AddFilter("Actors.Api.Mail", LogLevel.Warning);

    public void Dispose()
    {
        silent.Stop();
        lock (held)
        {
            held.ForEach(client => client.Dispose());
        }
    }

    private async Task HoldConnectionsAsync()
    {
        try
        {
            while (true)
            {
                var client = await silent.AcceptTcpClientAsync();
                lock (held)
                {
                    held.Add(client);
                }
            }
        }
        catch (ObjectDisposedException)
        {
            // The test run ended.
        }
        catch (SocketException)
        {
            // The test run ended.
        }
    }
}
