using Orleans;

namespace Actors.Grains.Abstractions.Audit;

/// <summary>
/// One change made through the API: who (email, or "guest"), what (method, route template and the
/// ids in it), when, and from where (remote address and user agent).
/// </summary>
[GenerateSerializer, Immutable, Alias("AuditEntry")]
public sealed record AuditEntry(
    string Organization,
    string Actor,
    string Method,
    string Route,
    IReadOnlyDictionary<string, string> Ids,
    int Status,
    DateTimeOffset At,
    string? RemoteAddress,
    string? UserAgent);
