using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Rooms;

namespace Actors.Api.Rooms;

/// <summary>Takes a room off sale for the nights [from, to): kind "out_of_order" or "out_of_service", and the reason (e.g. "Bathroom refit").</summary>
public sealed record CreateBlockRequest(DateOnly? From, DateOnly? To, string? Kind, string? Reason)
{
    public NewBlock ToCommand()
    {
        var errors = new FieldErrors();
        errors.Block(From, To, Kind, Reason);
        errors.ThrowIfAny();
        return new NewBlock(From!.Value, To!.Value, Kind!, Reason!);
    }
}
