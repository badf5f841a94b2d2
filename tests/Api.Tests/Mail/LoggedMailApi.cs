using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Actors.Api.Tests.Mail;

/// <summary>The embedded default's mail: no Mail:Host, so mails go to the log, which this app keeps at Information.</summary>
public sealed class LoggedMailApi : ApiFixture
{
    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Logging.AddFilter("Actors.Api.Mail", LogLevel.Information);
}
