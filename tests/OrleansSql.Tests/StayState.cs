namespace Actors.OrleansSql.Tests;

/// <summary>A small grain state, serialized by Orleans' System.Text.Json grain storage serializer.</summary>
public sealed class StayState
{
    public string Guest { get; set; } = string.Empty;

    public int Nights { get; set; }

    public List<string> Rooms { get; set; } = [];
}
