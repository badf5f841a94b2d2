using Actors.Grains.Abstractions.Funnel;

namespace Actors.Grains.Funnel;

/// <summary>
/// Where a visit came from, as the funnel groups it: its UTM source, medium and campaign; without a
/// source, the referring site (medium "referral") or "(direct)" (medium "(none)"), as analytics tools name them.
/// </summary>
internal static class VisitSource
{
    public const string Direct = "(direct)";
    public const string None = "(none)";

    public static (string Source, string Medium, string Campaign) Of(VisitDetails details)
    {
        var campaign = details.UtmCampaign.Length > 0 ? details.UtmCampaign : None;
        if (details.UtmSource.Length > 0)
        {
            return (details.UtmSource, details.UtmMedium.Length > 0 ? details.UtmMedium : None, campaign);
        }

        if (Uri.TryCreate(details.Referrer, UriKind.Absolute, out var referrer) && referrer.Host.Length > 0)
        {
            return (referrer.Host, details.UtmMedium.Length > 0 ? details.UtmMedium : "referral", campaign);
        }

        return (Direct, details.UtmMedium.Length > 0 ? details.UtmMedium : None, campaign);
    }
}
