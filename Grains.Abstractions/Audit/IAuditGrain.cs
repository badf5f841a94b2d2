using Orleans;

namespace Actors.Grains.Abstractions.Audit;

/// <summary>The audit log of one organization (key: organization id), kept in the durable event log.</summary>
[Alias("IAuditGrain")]
public interface IAuditGrain : IGrainWithStringKey
{
    /// <summary>Appends an entry; it is durable when this returns.</summary>
    Task Append(AuditEntry entry);

    /// <summary>Entries after <paramref name="afterSequence"/>, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<AuditRecord>> Read(long afterSequence, int max);
}
