namespace Actors.Api.Boards;

/// <summary>
/// What a board shows for the nights [From, To): the rooms, the bookings and blocks in them, as of
/// <paramref name="Sequence"/> at the latest. The board follows the hub from that sequence, and
/// since every event is applied as "the booking is now like this", one it already reflects does no harm.
/// </summary>
public sealed record BoardView(
    string PropertyId,
    string Name,
    string TimeZone,
    string Currency,
    DateOnly Today,
    DateOnly From,
    DateOnly To,
    long Sequence,
    IReadOnlyList<BoardRoomType> RoomTypes,
    IReadOnlyList<BoardRoom> Rooms,
    IReadOnlyList<BoardBooking> Bookings,
    IReadOnlyList<BoardBlock> Blocks);
