using Actors.Grains.Abstractions.Organizations;

namespace Actors.Api.Exports;

/// <summary>Where the data came from; an import keeps the target's own name and plan.</summary>
public sealed record ExportedOrganization(string? Id, string? Name, Plan? Plan);
