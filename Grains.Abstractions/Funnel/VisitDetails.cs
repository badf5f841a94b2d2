using Orleans;

namespace Actors.Grains.Abstractions.Funnel;

/// <summary>
/// What a visit arrived with: the page it landed on, where it came from, its UTM tags, the kind of
/// device and the IP address with its last octet (IPv4) or last 80 bits (IPv6) zeroed. Forgotten
/// after the retention period; the funnel's counts keep only source, medium and campaign.
/// </summary>
[GenerateSerializer, Immutable, Alias("VisitDetails")]
public sealed record VisitDetails(
    string LandingPage,
    string Referrer,
    string UtmSource,
    string UtmMedium,
    string UtmCampaign,
    string UtmTerm,
    string UtmContent,
    string Device,
    string AnonymizedIp);
