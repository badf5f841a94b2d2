using Actors.Persistence.Testing;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Actors.Api.Tests.Mail;

public sealed class LoggedMailTests(LoggedMailApi api) : IClassFixture<LoggedMailApi>
{
    [Fact]
    public async Task Without_a_mail_server_a_reset_mail_is_written_to_the_log_with_its_link()
    {
        var email = $"max-{Guid.NewGuid():N}@example.com";
        using var client = api.App.NewClient();
        await client.PostAsync("/api/signup", new { organizationId = "max-" + Guid.NewGuid().ToString("N")[..12], organizationName = "Max", email, name = "Max", password = ApiFixture.Password }).OkAsync();
        await client.PostAsync("/api/password-reset", new { email }).OkAsync();

        var logged = await Eventually.Until(
            () => Task.FromResult(api.App.Logs.Lines.Where(l => l.Category.EndsWith("MailCourier", StringComparison.Ordinal) && l.Message.Contains(email, StringComparison.Ordinal)).ToList()),
            lines => lines.Count == 2);

        Assert.All(logged, line => Assert.Equal(LogLevel.Information, line.Level));
        Assert.Contains(logged, l => l.Message.Contains("Welcome", StringComparison.Ordinal) && l.Message.Contains($"{api.App.Address.ToString().TrimEnd('/')}/board?org=max-", StringComparison.Ordinal));
        Assert.Contains(logged, l => l.Message.Contains($"{api.App.Address.ToString().TrimEnd('/')}/reset-password#token=", StringComparison.Ordinal));
    }
}
