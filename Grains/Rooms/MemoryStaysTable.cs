using Actors.Persistence.State;

namespace Actors.Grains.Rooms;

internal sealed class MemoryStaysTable(MemoryOutboxStore store) : IStaysTable
{
    public Task<List<StayRecord>> ReadAsync(string roomKey, DateOnly departedSince, CancellationToken cancellationToken) =>
        Task.FromResult(store.Query(tables => tables.Get<MemoryStays>().Of(roomKey, departedSince)));
}
