using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Actors.Api.Boards;

/// <summary>The hub messages a board gets: "BoardEvent" for each change, "BoardFigures" for tonight's figures after changes.</summary>
internal static class BoardMessages
{
    public const string Method = "BoardEvent";

    public const string FiguresMethod = "BoardFigures";

    // SerializedHubMessage serializes once per protocol, however many connections it is written to.
    public static SerializedHubMessage For(SerializedBoardEvent recorded) =>
        new(new InvocationMessage(Method, [recorded]));

    public static SerializedHubMessage For(BoardTonight tonight) =>
        new(new InvocationMessage(FiguresMethod, [tonight]));
}
