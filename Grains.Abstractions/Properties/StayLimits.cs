namespace Actors.Grains.Abstractions.Properties;

/// <summary>Bounds on any stay, whatever the property says: they keep dates and calendars finite.</summary>
public static class StayLimits
{
    public const int MaxNights = 365;

    /// <summary>How far ahead an arrival may be, in days from today at the property.</summary>
    public const int MaxDaysAhead = 730;

    /// <summary>How long a departed stay stays in its room's calendar (two months of board history); the booking keeps it for good.</summary>
    public const int DepartedDaysKept = 62;

    /// <summary>The most guests any request may name for one room; a room type's own maximum occupancy is usually lower.</summary>
    public const int MaxGuests = 20;

    /// <summary>The maximum occupancy of a room type saved without one, and of room types saved before occupancy was recorded.</summary>
    public const int DefaultMaxOccupancy = 2;
}
