using Actors.Grains.Abstractions.Organizations;

namespace Actors.Grains.Organizations;

internal sealed class OrganizationState
{
    public bool Exists { get; set; }

    public string Name { get; set; } = "";

    public Plan Plan { get; set; }

    public List<string> Properties { get; set; } = [];
}
