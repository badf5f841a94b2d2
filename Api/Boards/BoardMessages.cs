using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Actors.Api.Boards;

/// <summary>The hub message that carries one board event to a client's "BoardEvent" handler.</summary>
internal static class BoardMessages
{
    public const string Method = "BoardEvent";

    // SerializedHubMessage serializes once per protocol, however many connections it is written to.
    public static SerializedHubMessage For(SerializedBoardEvent recorded) =>
        new(new InvocationMessage(Method, [recorded]));
}
