using Actors.Persistence.EventLog;

namespace Actors.Grains.Abstractions.Audit;

/// <summary>An organization's audit log is one stream; a change can append its entry in its own transaction.</summary>
public static class AuditStream
{
    public const string Namespace = "audit";

    public static EventStream Of(string org) => new(Namespace, org);
}
