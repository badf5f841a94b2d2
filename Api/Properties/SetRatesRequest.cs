using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Properties;

namespace Actors.Api.Properties;

/// <summary>Prices the nights [from, to) of a room type at <paramref name="NightlyRate"/>; null goes back to the standard rate.</summary>
public sealed record SetRatesRequest(DateOnly? From, DateOnly? To, decimal? NightlyRate)
{
    public SetNightlyRates ToCommand(string roomType)
    {
        var errors = new FieldErrors();
        errors.Required(From, "from");
        errors.Required(To, "to");
        if (From is { } from && To is { } to && to <= from)
        {
            errors.Add("to", "Must be after 'from'.");
        }

        if (NightlyRate is not null)
        {
            errors.Rate(NightlyRate, "nightlyRate");
        }

        errors.ThrowIfAny();
        return new SetNightlyRates(roomType, From!.Value, To!.Value, NightlyRate);
    }
}
