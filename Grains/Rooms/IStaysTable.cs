namespace Actors.Grains.Rooms;

/// <summary>Where a room activation reads its calendar: the stays table, the truth its bookings write.</summary>
internal interface IStaysTable
{
    /// <summary>The room's stays, without those that departed before <paramref name="departedSince"/>.</summary>
    Task<List<StayRecord>> ReadAsync(string roomKey, DateOnly departedSince, CancellationToken cancellationToken);
}
