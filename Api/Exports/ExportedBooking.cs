using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Properties;

namespace Actors.Api.Exports;

/// <summary>
/// A booking in any state, with the price and policy it was made with. <paramref name="DepartedOn"/>
/// is set for a checked-out stay while its room's calendar still shows it (the nights it keeps end
/// there); <paramref name="Payment"/> is what the booking's payment recorded, for the record only.
/// </summary>
public sealed record ExportedBooking(
    string? Id,
    string? RoomId,
    string? RoomType,
    DateOnly? CheckIn,
    DateOnly? CheckOut,
    DateOnly? DepartedOn,
    BookingStatus? Status,
    Guest? Guest,
    IReadOnlyList<NightPrice?>? Nights,
    decimal? Total,
    string? Currency,
    CancellationPolicy? Cancellation,
    decimal? CancellationFee,
    DateTimeOffset? HoldExpiresAt,
    ExportedPayment? Payment,
    int? Guests = null);
