using Npgsql;

namespace Actors.Grains.Rooms;

/// <summary>
/// The stays table of the embedded default: the same backstop as PostgreSQL's exclusion constraint,
/// so a room never holds two stays for one night there either, whatever an activation believes.
/// </summary>
internal sealed class MemoryStays
{
    private readonly Dictionary<string, Dictionary<string, StayRecord>> rooms = [];

    /// <summary>Applies a room's changes in order, or none of them when the result would overlap.</summary>
    public void Apply(string roomKey, IEnumerable<(StayRecord? Stay, string BookingId, DateTimeOffset Now)> changes)
    {
        var stays = rooms.TryGetValue(roomKey, out var current) ? new Dictionary<string, StayRecord>(current) : [];
        foreach (var (stay, bookingId, now) in changes)
        {
            if (stay is null)
            {
                stays.Remove(bookingId);
                continue;
            }

            foreach (var lapsed in stays.Values.Where(o => o.BookingId != bookingId && !o.IsLive(now) && o.Overlaps(stay.CheckIn, stay.CheckOut)).ToList())
            {
                stays.Remove(lapsed.BookingId);
            }

            if (stays.Values.Any(other => other.BookingId != bookingId && other.Overlaps(stay.CheckIn, stay.CheckOut)))
            {
                // The refusal PostgreSQL gives, so the booking handles both stores the same way.
                throw new PostgresException(
                    "conflicting key value violates exclusion constraint \"stays_no_double_booking\"", "ERROR", "ERROR", PostgresErrorCodes.ExclusionViolation);
            }

            stays[bookingId] = stay;
        }

        rooms[roomKey] = stays;
    }

    public List<StayRecord> Of(string roomKey, DateOnly departedSince) =>
        rooms.TryGetValue(roomKey, out var stays)
            ? [.. stays.Values.Where(s => !BlockRows.IsBlock(s.BookingId) && (s.Kind != Abstractions.Rooms.StayKind.Departed || s.CheckOut >= departedSince)).Select(s => s.Copy())]
            : [];
}
