namespace Actors.Api.Boards;

/// <summary>A room's block on the board: nights [From, To) off sale, out of order or out of service, with the reason.</summary>
public sealed record BoardBlock(string Id, string RoomId, DateOnly From, DateOnly To, string Kind, string Reason);
