using Actors.Grains.Abstractions.Events;

namespace Actors.Grains.Abstractions.Webhooks;

/// <summary>The events an endpoint can ask for: everything that happens on a property's board.</summary>
public static class WebhookEvents
{
    public const string All = "*";

    public static IReadOnlySet<string> Known { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(BookingHeld), nameof(BookingConfirmed), nameof(BookingPaid), nameof(BookingRefunded), nameof(BookingCancelled), nameof(BookingExpired),
        nameof(BookingDatesChanged), nameof(BookingMoved), nameof(BookingRoomAssigned), nameof(GuestCheckedIn), nameof(GuestCheckedOut),
        nameof(GuestNoShow), nameof(RoomAdded), nameof(RoomRenamed), nameof(RoomRetired), nameof(RoomStatusChanged),
        nameof(RoomBlocked), nameof(RoomUnblocked),
        nameof(RoomTypeSaved), nameof(NightlyRatesChanged), nameof(PropertyCreated), nameof(PropertySettingsChanged),
    };
}
