namespace Actors.Runtime;

/// <summary>
/// A state write carried an ETag that no longer matches storage: another activation wrote first.
/// The activation that sees it deactivates, so the next call reloads the committed state.
/// </summary>
public sealed class InconsistentStateException(string message, string? storedEtag = null, string? currentEtag = null)
    : Exception(message)
{
    public string? StoredEtag { get; } = storedEtag;

    public string? CurrentEtag { get; } = currentEtag;
}
