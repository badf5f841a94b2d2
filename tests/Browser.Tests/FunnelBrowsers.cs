using Actors.Api.Tests.Funnel;

namespace Actors.Browser.Tests;

/// <summary>The browsers on an app whose visits are abandoned two seconds after their last step.</summary>
public sealed class FunnelBrowsers() : BrowserFixture(new FunnelApi());
