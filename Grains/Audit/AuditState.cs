namespace Actors.Grains.Audit;

/// <summary>The entries themselves live in the event log; the state only gives each append a write to ride on.</summary>
internal sealed class AuditState
{
    public long Entries { get; set; }
}
