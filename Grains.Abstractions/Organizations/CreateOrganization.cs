using Orleans;

namespace Actors.Grains.Abstractions.Organizations;

/// <summary>
/// Opens an organization (a tenant) with its display name and plan; <paramref name="Owner"/> (a
/// normalized email) becomes its first owner in the same write, so no organization is ever left
/// without someone who can manage it.
/// </summary>
[GenerateSerializer, Immutable, Alias("CreateOrganization")]
public sealed record CreateOrganization(string Name, Plan Plan, string? Owner = null);
