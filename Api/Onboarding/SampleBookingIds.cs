namespace Actors.Api.Onboarding;

/// <summary>
/// A sample booking is known by its id alone: the API gives every other booking a guid or a hashed
/// Idempotency-Key, never this prefix, so the mark needs no field in the booking's state and is kept
/// wherever the id goes (room calendars, the event log, exports).
/// </summary>
public static class SampleBookingIds
{
    public const string Prefix = "sample-";

    public static string New() => Prefix + Guid.NewGuid().ToString("N");

    public static bool IsSample(string bookingId) => bookingId.StartsWith(Prefix, StringComparison.Ordinal);
}
