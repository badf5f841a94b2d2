using System.Text.Json;

namespace Actors.Runtime.Transport;

/// <summary>An exception as it crosses the wire: its type, message, and the properties its own type declares.</summary>
internal sealed record RemoteError(string Type, string Message, Dictionary<string, JsonElement> Properties);
