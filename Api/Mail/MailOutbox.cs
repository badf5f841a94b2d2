using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Actors.Api.Mail;

/// <summary>
/// Mails waiting for the courier. A request only drops its mail here and goes on: a slow or dead
/// SMTP server never fails or slows the sign-up, invitation or booking that wrote it.
/// </summary>
public sealed class MailOutbox(IOptions<MailOptions> options, ILogger<MailOutbox> logger)
{
    private readonly Channel<OutgoingMail> waiting = Channel.CreateBounded<OutgoingMail>(
        new BoundedChannelOptions(options.Value.QueueLimit) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Send(OutgoingMail mail)
    {
        if (!waiting.Writer.TryWrite(mail))
        {
            logger.LogError("Mail outbox full ({Limit} waiting): the mail \"{Subject}\" to {To} is dropped", options.Value.QueueLimit, mail.Subject, mail.To);
        }
    }

    internal ChannelReader<OutgoingMail> Waiting => waiting.Reader;
}
