using Actors.Persistence.EventLog;

namespace Actors.Api.Boards;

/// <summary>Where a property's board events live: one stream per property, numbered 1, 2, 3, ...</summary>
public static class BoardStreams
{
    public static EventStream For(string organization, string property) => new("property", $"{organization}/{property}");
}
