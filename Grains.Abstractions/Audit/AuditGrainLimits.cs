namespace Actors.Grains.Abstractions.Audit;

/// <summary>Bounds of one audit read, so no request makes a grain load an unbounded log.</summary>
public static class AuditGrainLimits
{
    public const int MaxRead = 500;
}
