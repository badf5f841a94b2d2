using System.Text.Json;

namespace Actors.Api.Boards;

/// <summary>One change on a property's board, as a board client receives it: its place in the property's sequence, its kind and its data.</summary>
public sealed record BoardEvent(long Sequence, string Type, JsonElement Data, DateTimeOffset RecordedAt);
