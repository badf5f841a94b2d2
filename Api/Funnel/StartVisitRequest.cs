using System.Globalization;
using System.Text.Json.Serialization;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Funnel;

namespace Actors.Api.Funnel;

/// <summary>
/// What the booking page knows of how the guest arrived: the page, the referring site and the
/// utm_* values of its address, and the steps it reached before the visit started (usually
/// "viewed"). Each is trimmed with control and invisible characters taken out, and at most
/// <see cref="MaxLength"/> characters; a field the API does not know is refused, so a page cannot
/// choose its own variant.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record StartVisitRequest(
    string? LandingPage,
    string? Referrer,
    string? UtmSource,
    string? UtmMedium,
    string? UtmCampaign,
    string? UtmTerm,
    string? UtmContent,
    IReadOnlyList<string?>? Steps = null)
{
    public const int MaxLength = 100;

    public (VisitDetails Details, FunnelStep[] Steps) Read(HttpContext http)
    {
        var errors = new FieldErrors();
        var steps = PageSteps.Parse(Steps, "steps", errors);
        var details = new VisitDetails(
            Clean(LandingPage, "landingPage", errors),
            Clean(Referrer, "referrer", errors),
            Clean(UtmSource, "utmSource", errors),
            Clean(UtmMedium, "utmMedium", errors),
            Clean(UtmCampaign, "utmCampaign", errors),
            Clean(UtmTerm, "utmTerm", errors),
            Clean(UtmContent, "utmContent", errors),
            DeviceClass.Of(http.Request.Headers.UserAgent),
            AnonymizedIp.Of(http.Connection.RemoteIpAddress));
        errors.ThrowIfAny();
        return (details, steps);
    }

    // Controls and format characters (zero-width spaces, direction overrides) would make one campaign
    // look like two, or text shown differ from text counted.
    private static string Clean(string? value, string field, FieldErrors errors)
    {
        if (value is null)
        {
            return "";
        }

        var cleaned = new string([.. value.Where(c => !char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)]).Trim();
        if (cleaned.Length > MaxLength)
        {
            errors.Add(field, $"At most {MaxLength} characters.");
        }

        return cleaned;
    }
}
