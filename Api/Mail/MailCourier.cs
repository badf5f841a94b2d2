using Actors.Api.Auth;
using Actors.Silo.Product;
using MailKit.Net.Smtp;
using MimeKit;
using Microsoft.Extensions.Options;

namespace Actors.Api.Mail;

/// <summary>
/// Takes mails from the outbox and sends them through the configured SMTP server, retrying a few
/// times with growing waits; without a server it writes each mail to the log instead.
/// </summary>
internal sealed class MailCourier(
    MailOutbox outbox, IOptions<MailOptions> options, IOptions<ProductOptions> product, IOptions<TenancyOptions> tenancy, ILogger<MailCourier> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.Host) && options.Value.LinkBase is null && string.IsNullOrEmpty(tenancy.Value.BaseHost))
        {
            logger.LogWarning("Mail:LinkBase is not set: links in mails take the host the request named, which a client chooses. Set Mail:LinkBase (or Tenancy:BaseHost) to this site's public address.");
        }

        try
        {
            await foreach (var mail in outbox.Waiting.ReadAllAsync(stoppingToken))
            {
                await DeliverAsync(mail, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still waiting is in memory only, as the outbox says.
        }
    }

    private async Task DeliverAsync(OutgoingMail mail, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            logger.LogInformation("Mail (no Mail:Host configured, so logged instead of sent) to {To}: {Subject}\n{Text}", mail.To, mail.Subject, mail.Text);
            return;
        }

        var delay = settings.RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SendAsync(Message(mail, settings), settings, stoppingToken);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                if (attempt >= settings.MaxAttempts)
                {
                    logger.LogError(exception, "Mail \"{Subject}\" to {To} not sent after {Attempts} tries through {Host}:{Port}; given up", mail.Subject, mail.To, attempt, settings.Host, settings.Port);
                    return;
                }

                logger.LogWarning(exception, "Mail \"{Subject}\" to {To} failed (try {Attempt} of {Max}); trying again in {Delay}", mail.Subject, mail.To, attempt, settings.MaxAttempts, delay);
                await Task.Delay(delay, stoppingToken);
                delay *= 2;
            }
        }
    }

    private static async Task SendAsync(MimeMessage message, MailOptions settings, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(settings.Timeout);
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host!, settings.Port, settings.Security, timeout.Token);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", timeout.Token);
        }

        await client.SendAsync(message, timeout.Token);
        await client.DisconnectAsync(quit: true, timeout.Token);
    }

    private MimeMessage Message(OutgoingMail mail, MailOptions settings)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(string.IsNullOrWhiteSpace(settings.FromName) ? product.Value.Name : settings.FromName, settings.From));
        message.To.Add(new MailboxAddress(mail.ToName, mail.To));
        message.Subject = mail.Subject;
        message.Body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html }.ToMessageBody();
        return message;
    }
}
