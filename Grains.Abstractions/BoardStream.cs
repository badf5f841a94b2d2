using Orleans;
using Actors.Persistence.EventLog;

namespace Actors.Grains.Abstractions;

/// <summary>
/// Every domain event of a property goes to one stream, so the property's board sees bookings, stays
/// and rooms change in a single sequence.
/// </summary>
public static class BoardStream
{
    public const string Namespace = "property";

    public static EventStream Of(string org, string property) => new(Namespace, GrainKeys.Property(org, property));
}
