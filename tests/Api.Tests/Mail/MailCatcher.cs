using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Actors.Api.Tests.Mail;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port, in this test process, keeping
/// every message it receives, parsed by MimeKit. One for the whole test run: tests tell their mails
/// apart by recipient, since every test writes to addresses of its own.
/// </summary>
public sealed partial class MailCatcher
{
    private static readonly Lazy<MailCatcher> Instance = new(() => new MailCatcher());

    private readonly ConcurrentQueue<MimeMessage> received = new();
    private readonly SemaphoreSlim arrived = new(0);

    private MailCatcher()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Keeper(this));
        _ = new SmtpServer.SmtpServer(options, services).StartAsync(CancellationToken.None);
    }

    public static MailCatcher Shared => Instance.Value;

    public int Port { get; }

    /// <summary>The app's Mail settings pointing at this server: plain SMTP on loopback, quick retries.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Security"] = "None",
        ["Mail:From"] = "stays@bookings.test",
        ["Mail:FromName"] = "Test Stays",
        ["Mail:RetryDelay"] = "00:00:00.200",
    };

    /// <summary>Every message received so far for <paramref name="recipient"/>.</summary>
    public IReadOnlyList<MimeMessage> To(string recipient) =>
        [.. received.Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, recipient, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Waits for the first message to <paramref name="recipient"/> whose subject contains <paramref name="subject"/>.</summary>
    public async Task<MimeMessage> WaitForAsync(string recipient, string subject = "", TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = To(recipient).FirstOrDefault(m => (m.Subject ?? "").Contains(subject, StringComparison.Ordinal));
            if (found is not null)
            {
                return found;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No mail to {recipient} about \"{subject}\" arrived; received: {string.Join("; ", received.Select(m => $"{m.To} \"{m.Subject}\""))}");
            }

            await arrived.WaitAsync(left < TimeSpan.FromMilliseconds(500) ? left : TimeSpan.FromMilliseconds(500));
        }
    }

    /// <summary>The links of a mail's plain text, in order.</summary>
    public static IReadOnlyList<Uri> Links(MimeMessage message) =>
        [.. Link().Matches(message.TextBody ?? "").Select(m => new Uri(m.Value))];

    /// <summary>The one link of a mail whose path starts with <paramref name="path"/>.</summary>
    public static Uri Link(MimeMessage message, string path) =>
        Links(message).Single(l => l.AbsolutePath.StartsWith(path, StringComparison.Ordinal));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();

    private sealed class Keeper(MailCatcher catcher) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            catcher.received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            catcher.arrived.Release();
            return SmtpResponse.Ok;
        }
    }
}
