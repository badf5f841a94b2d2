namespace Actors.Api.Tests.Boards;

/// <summary>The app with tiny board limits: two connections per node, five buffered events per follower.</summary>
public sealed class SmallBoardsApi : ApiFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Boards:MaxConnections"] = "2",
        ["Boards:BufferPerFollower"] = "5",
    };
}
