using Actors.Api.Tests.Mail;

namespace Actors.Browser.Tests;

/// <summary>The browser over an app whose mail goes to the test run's SMTP server.</summary>
public sealed class MailBrowserFixture() : BrowserFixture(new MailedApi());
