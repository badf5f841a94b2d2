namespace Actors.Grains.Abstractions.Organizations;

/// <summary>Opens an organization (a tenant) with its display name and plan.</summary>
public sealed record CreateOrganization(string Name, Plan Plan);
