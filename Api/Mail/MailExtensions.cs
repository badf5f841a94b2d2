namespace Actors.Api.Mail;

public static class MailExtensions
{
    /// <summary>Mail through the "Mail" section's SMTP server (or to the log without one), sent in the background.</summary>
    public static WebApplicationBuilder AddMail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailOptions>()
            .BindConfiguration(MailOptions.Section)
            .Validate(o => o.Port is > 0 and <= 65535, "Mail:Port must be from 1 to 65535.")
            .Validate(o => Enum.IsDefined(o.Security), "Mail:Security must be None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable.")
            .Validate(o => MimeKit.MailboxAddress.TryParse(o.From, out _), "Mail:From must be an email address.")
            .Validate(o => o.LinkBase is null || (o.LinkBase.IsAbsoluteUri && o.LinkBase.Scheme is "http" or "https"), "Mail:LinkBase must be an absolute http(s) address.")
            .Validate(o => o.MaxAttempts is >= 1 and <= 20, "Mail:MaxAttempts must be from 1 to 20.")
            .Validate(o => o.QueueLimit is >= 1 and <= 1_000_000, "Mail:QueueLimit must be from 1 to 1000000.")
            .ValidateOnStart();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<MailOutbox>();
        builder.Services.AddSingleton<MailLinks>();
        builder.Services.AddSingleton<GuestConfirmationMail>();
        builder.Services.AddHostedService<MailCourier>();
        return builder;
    }
}
