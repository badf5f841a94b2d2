using System.Diagnostics;
using Actors.Persistence.Testing;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Actors.Api.Tests.Mail;

public sealed class SilentSmtpTests(SilentSmtpApi api) : IClassFixture<SilentSmtpApi>
{
    [Fact]
    public async Task A_mail_server_that_never_answers_neither_fails_nor_slows_the_request_and_the_lost_mail_is_logged()
    {
        var email = $"ned-{Guid.NewGuid():N}@example.com";
        using var client = api.App.NewClient();

        var clock = Stopwatch.StartNew();
        await client.PostAsync("/api/signup", new { organizationId = "ned-" + Guid.NewGuid().ToString("N")[..12], organizationName = "Ned", email, name = "Ned", password = ApiFixture.Password }).OkAsync();
        await client.PostAsync("/api/password-reset", new { email }).OkAsync();
        var took = clock.Elapsed;

        var givenUp = await Eventually.Until(
            () => Task.FromResult(api.App.Logs.Lines.Where(l => l.Level == LogLevel.Error && l.Message.Contains(email, StringComparison.Ordinal)).ToList()),
            lines => lines.Count > 0,
            TimeSpan.FromSeconds(60));

        Assert.True(took < SilentSmtpApi.SmtpTimeout, $"the requests took {took}, as long as the SMTP server's silence");
        Assert.Contains("not sent after 2 tries", givenUp[0].Message, StringComparison.Ordinal);
    }
}
