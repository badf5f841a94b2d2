using Actors.Grains.Abstractions.Users;

namespace Actors.Api.Exports;

/// <summary>A document checked in full and turned into the writes that load it; <paramref name="Invitations"/> are the members to invite (email to role).</summary>
public sealed record ImportPlan(IReadOnlyList<PlannedProperty> Properties, IReadOnlyDictionary<string, Role> Invitations)
{
    public int Rooms => Properties.Sum(p => p.Rooms.Count);

    public int Bookings => Properties.Sum(p => p.Bookings.Count);
}
