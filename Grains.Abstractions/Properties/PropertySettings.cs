using Orleans;

namespace Actors.Grains.Abstractions.Properties;

/// <summary>
/// What a manager sets for a property: its name, IANA time zone (which decides what "today" is for
/// arrivals), ISO 4217 currency, check-in and check-out times, minimum stay in nights and cancellation policy.
/// </summary>
[GenerateSerializer, Immutable, Alias("PropertySettings")]
public sealed record PropertySettings(
    string Name,
    string TimeZone,
    string Currency,
    TimeOnly CheckInTime,
    TimeOnly CheckOutTime,
    int MinimumStay,
    CancellationPolicy Cancellation);
