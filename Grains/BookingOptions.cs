namespace Actors.Grains;

/// <summary>Booking tunables, bound from the "Bookings" configuration section.</summary>
public sealed class BookingOptions
{
    public const string Section = "Bookings";

    /// <summary>How long a hold waits for confirmation before it expires and frees the room.</summary>
    public TimeSpan HoldTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How much longer the room itself keeps a hold than the booking does. The booking expires first
    /// and frees the room; the room lets go on its own only if the booking never got saved.
    /// </summary>
    public TimeSpan RoomHoldGrace { get; set; } = TimeSpan.FromMinutes(1);
}
