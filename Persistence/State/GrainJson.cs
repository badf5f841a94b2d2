using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Persistence.State;

/// <summary>The one JSON shape for state, events and messages, so every silo reads what another wrote.</summary>
public static class GrainJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
