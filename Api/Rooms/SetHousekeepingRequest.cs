using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Rooms;

namespace Actors.Api.Rooms;

/// <summary>The room's housekeeping status: Clean, Dirty, Inspected or OutOfOrder.</summary>
public sealed record SetHousekeepingRequest(Housekeeping? Status)
{
    public Housekeeping ToStatus()
    {
        var errors = new FieldErrors();
        errors.Required(Status, "status");
        errors.ThrowIfAny();
        return Status!.Value;
    }
}
