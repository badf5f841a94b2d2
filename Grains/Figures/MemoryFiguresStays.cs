using Actors.Persistence.State;

namespace Actors.Grains.Figures;

/// <summary>The figures' stays table of the embedded default.</summary>
internal sealed class MemoryFiguresStays
{
    private readonly Dictionary<string, Dictionary<string, FiguresStay>> properties = [];

    public void Apply(string figuresKey, IReadOnlyList<(string BookingId, FiguresStay? Stay)> changes)
    {
        if (!properties.TryGetValue(figuresKey, out var stays))
        {
            properties[figuresKey] = stays = [];
        }

        foreach (var (bookingId, stay) in changes)
        {
            if (stay is null)
            {
                stays.Remove(bookingId);
            }
            else
            {
                // Already a copy (FiguresStayRows.Of), as the rooms' stays are.
                stays[bookingId] = stay;
            }
        }
    }

    public Dictionary<string, FiguresStay> Of(string figuresKey) =>
        properties.TryGetValue(figuresKey, out var stays)
            ? stays.ToDictionary(s => s.Key, s => s.Value.Copy(), StringComparer.Ordinal)
            : new Dictionary<string, FiguresStay>(StringComparer.Ordinal);
}

internal sealed class MemoryFiguresStaysTable(MemoryOutboxStore store) : IFiguresStaysTable
{
    public Task<Dictionary<string, FiguresStay>> ReadAsync(string figuresKey, CancellationToken cancellationToken) =>
        Task.FromResult(store.Query(tables => tables.Get<MemoryFiguresStays>().Of(figuresKey)));
}
