using Actors.Grains.Abstractions.Failures;

namespace Actors.Api.Bookings;

/// <summary>The arrival day whose bookings made by room type get their rooms.</summary>
public sealed record AutoAssignRequest(string? Date)
{
    public DateOnly ToDate()
    {
        var errors = new FieldErrors();
        var date = errors.Date(Date, "date");
        errors.Required(Date, "date");
        errors.ThrowIfAny();
        return date!.Value;
    }
}
