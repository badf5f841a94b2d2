namespace Actors.Api.Exports;

/// <summary>A room's block as the room keeps it: the nights [From, To) off sale, its kind (out_of_order, out_of_service), the reason, and the room's id for it.</summary>
public sealed record ExportedBlock(string? Id, DateOnly? From, DateOnly? To, string? Kind, string? Reason);
