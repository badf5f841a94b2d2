using Orleans;

namespace Actors.Grains.Abstractions.Bookings;

/// <summary>
/// A booking's lifecycle: Held -> Confirmed -> CheckedIn -> CheckedOut; or it ends Cancelled,
/// Expired (a hold nobody confirmed in time) or NoShow.
/// </summary>
[GenerateSerializer, Alias("BookingStatus")]
public enum BookingStatus
{
    Held,
    Confirmed,
    CheckedIn,
    CheckedOut,
    Cancelled,
    Expired,
    NoShow,
}
