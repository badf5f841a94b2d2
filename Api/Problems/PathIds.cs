using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Failures;

namespace Actors.Api.Problems;

/// <summary>Ids taken from the URL: one that is not a valid id cannot name anything, so it is simply not found.</summary>
public static class PathIds
{
    public static void Check(params ReadOnlySpan<string> ids)
    {
        foreach (var id in ids)
        {
            if (!Slug.IsValid(id))
            {
                throw new NotFoundException($"No such id: '{(id.Length > 80 ? id[..80] + "..." : id)}'.");
            }
        }
    }
}
