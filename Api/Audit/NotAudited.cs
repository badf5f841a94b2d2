namespace Actors.Api.Audit;

/// <summary>
/// Endpoint metadata for calls that change no data of the hotel's and must not be filed: the booking
/// page counting a visit. Filing them would keep each guest's whole IP address and User-Agent, which
/// the funnel takes care never to store.
/// </summary>
public sealed class NotAudited
{
    public static readonly NotAudited Instance = new();
}
