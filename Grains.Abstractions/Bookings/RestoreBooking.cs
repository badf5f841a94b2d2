using Actors.Grains.Abstractions.Properties;
using Orleans;

namespace Actors.Grains.Abstractions.Bookings;

/// <summary>
/// A booking brought over from another organization's export, in the state it had there: its room,
/// nights and prices as agreed then, and where it stands. <paramref name="DepartedOn"/> is the day a
/// checked-out guest left, when the room's calendar still shows the stay; <paramref name="HoldExpiresAt"/>
/// is when a held booking lapses; <paramref name="Guests"/> the party's size, when it was recorded.
/// </summary>
[GenerateSerializer, Immutable, Alias("RestoreBooking")]
public sealed record RestoreBooking(
    string PropertyId,
    string RoomId,
    string RoomType,
    DateOnly CheckIn,
    DateOnly CheckOut,
    DateOnly? DepartedOn,
    Guest Guest,
    BookingStatus Status,
    IReadOnlyList<NightPrice> Nights,
    decimal Total,
    string Currency,
    string TimeZone,
    CancellationPolicy Cancellation,
    decimal? CancellationFee,
    DateTimeOffset? HoldExpiresAt,
    int? Guests = null)
{
    /// <summary>
    /// The nights [CheckIn, CheckOut) the booking keeps in its room: a hold, a confirmed or in-house stay,
    /// and the nights a departed guest slept while the room still shows them; none once it ended otherwise.
    /// </summary>
    public (DateOnly CheckIn, DateOnly CheckOut)? NightsKept => Status switch
    {
        BookingStatus.Held or BookingStatus.Confirmed or BookingStatus.CheckedIn => (CheckIn, CheckOut),
        BookingStatus.CheckedOut when DepartedOn is { } departed => (CheckIn, departed),
        _ => null,
    };
}
