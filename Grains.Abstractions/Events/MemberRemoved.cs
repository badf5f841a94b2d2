namespace Actors.Grains.Abstractions.Events;

/// <summary>A member left or was removed from an organization.</summary>
public sealed record MemberRemoved(string OrganizationId, string Email);
