using Actors.Grains.Abstractions.Audit;

namespace Actors.Api.Audit;

/// <summary>A page of the audit log; ask again with after = <paramref name="Last"/> for the next one.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Entries, long Last);
