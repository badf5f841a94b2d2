using Orleans;

namespace Actors.Grains.Abstractions.Audit;

/// <summary>An audit entry with its position in the organization's audit log (1, 2, 3, ... without gaps).</summary>
[GenerateSerializer, Immutable, Alias("AuditRecord")]
public sealed record AuditRecord(long Sequence, AuditEntry Entry);
