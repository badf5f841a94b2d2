using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Properties;

namespace Actors.Grains.Bookings;

internal sealed class BookingState
{
    public bool Exists { get; set; }

    /// <summary>Whether the guest's confirmation mail was handed out (ClaimConfirmationMail), so it goes once.</summary>
    public bool ConfirmationMailed { get; set; }

    /// <summary>A fingerprint of the request that created the booking: a retry must match it to get the booking back.</summary>
    public string? RequestFingerprint { get; set; }

    /// <summary>The whole request, as bookings kept it before the fingerprint (it repeated the guest and the dates).</summary>
    public HoldBooking? Request { get; set; }

    public string PropertyId { get; set; } = "";

    public string RoomId { get; set; } = "";

    public string RoomType { get; set; } = "";

    /// <summary>Booked by room type and not yet given its room by the front desk (RoomId is the one kept for it).</summary>
    public bool Unassigned { get; set; }

    public DateOnly CheckIn { get; set; }

    public DateOnly CheckOut { get; set; }

    public Guest? Guest { get; set; }

    /// <summary>How many people stay; 0 on bookings made before the guest count was recorded.</summary>
    public int Guests { get; set; }

    public BookingStatus Status { get; set; }

    public List<NightPrice> Nights { get; set; } = [];

    public decimal Total { get; set; }

    public string Currency { get; set; } = "";

    /// <summary>The property's time zone when booked: it decides the arrival day and the cancellation window.</summary>
    public string TimeZone { get; set; } = "";

    public CancellationPolicy? Cancellation { get; set; }

    public DateTimeOffset? HoldExpiresAt { get; set; }

    /// <summary>When the room lets go of the hold by itself: a grace period after <see cref="HoldExpiresAt"/>.</summary>
    public DateTimeOffset? RoomHoldUntil { get; set; }

    public decimal? CancellationFee { get; set; }

    /// <summary>The secret of the guest's private link; kept (not hashed) so a repeated hold can answer with the same link.</summary>
    public string GuestSecret { get; set; } = "";

    /// <summary>Rooms this booking has left (after a move) that may still hold its nights; released on the next turn.</summary>
    public List<string> PendingReleases { get; set; } = [];

    /// <summary>Money received, by payment id: a payment recorded twice (a webhook delivered again) counts once.</summary>
    public Dictionary<string, decimal> Payments { get; set; } = [];

    /// <summary>Money given back, by refund id; what the booking has paid is its payments less these.</summary>
    public Dictionary<string, decimal> Refunds { get; set; } = [];

    /// <summary>The booking page's visit it was made in, when the guest agreed to count it (for the funnel).</summary>
    public string? VisitId { get; set; }
}
