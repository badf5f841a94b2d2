namespace Actors.Api.Funnel;

/// <summary>Mobile, tablet or desktop, from the User-Agent's common markers; nothing else of it is kept.</summary>
public static class DeviceClass
{
    public const string Mobile = "mobile";
    public const string Tablet = "tablet";
    public const string Desktop = "desktop";

    public static string Of(string? userAgent)
    {
        var agent = userAgent ?? "";
        bool Has(string marker) => agent.Contains(marker, StringComparison.OrdinalIgnoreCase);
        if (Has("iPad") || Has("Tablet") || (Has("Android") && !Has("Mobile")))
        {
            return Tablet;
        }

        return Has("Mobi") || Has("iPhone") || Has("Android") ? Mobile : Desktop;
    }
}
