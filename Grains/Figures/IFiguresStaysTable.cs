namespace Actors.Grains.Figures;

/// <summary>Where a figures activation reads the stays it computes from: the rows its own writes keep.</summary>
public interface IFiguresStaysTable
{
    Task<Dictionary<string, FiguresStay>> ReadAsync(string figuresKey, CancellationToken cancellationToken);
}
