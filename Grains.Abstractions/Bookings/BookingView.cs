using Actors.Grains.Abstractions.Properties;

namespace Actors.Grains.Abstractions.Bookings;

/// <summary>A booking as guest and manager see it: stay, room, price, policy and where it stands.</summary>
public sealed record BookingView(
    string Id,
    string PropertyId,
    string RoomId,
    string RoomType,
    DateOnly CheckIn,
    DateOnly CheckOut,
    Guest Guest,
    BookingStatus Status,
    IReadOnlyList<NightPrice> Nights,
    decimal Total,
    string Currency,
    DateTimeOffset? HoldExpiresAt,
    CancellationPolicy Cancellation,
    decimal? CancellationFee);
