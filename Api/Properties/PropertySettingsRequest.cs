using System.Globalization;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Properties;

namespace Actors.Api.Properties;

/// <summary>
/// A property's settings. Times are "HH:mm"; the time zone is an IANA id; the currency an ISO 4217
/// code. Minimum stay defaults to 1 night, cancellation to free until 2 days before arrival.
/// </summary>
public sealed record PropertySettingsRequest(
    string? Name,
    string? TimeZone,
    string? Currency,
    string? CheckInTime,
    string? CheckOutTime,
    int? MinimumStay,
    CancellationPolicyRequest? Cancellation)
{
    private static readonly string[] TimeFormats = ["HH:mm", "HH:mm:ss"];

    public PropertySettings? ToSettings(FieldErrors errors, string prefix)
    {
        errors.Text(Name, prefix + "name");
        errors.TimeZone(TimeZone, prefix + "timeZone");
        errors.Currency(Currency, prefix + "currency");
        var checkIn = Time(CheckInTime, prefix + "checkInTime", errors);
        var checkOut = Time(CheckOutTime, prefix + "checkOutTime", errors);
        errors.Range(MinimumStay ?? 1, prefix + "minimumStay", 1, 30);
        var policy = Cancellation is null
            ? CancellationPolicy.Default
            : new CancellationPolicy(Cancellation.FreeUntilDaysBeforeArrival ?? CancellationPolicy.Default.FreeUntilDaysBeforeArrival, Cancellation.LateFee ?? CancellationPolicy.Default.LateFee);
        errors.Range(policy.FreeUntilDaysBeforeArrival, prefix + "cancellation.freeUntilDaysBeforeArrival", 0, 365);
        return errors.IsEmpty
            ? new PropertySettings(Name!, TimeZone!, Currency!, checkIn, checkOut, MinimumStay ?? 1, policy)
            : null;
    }

    private static TimeOnly Time(string? value, string field, FieldErrors errors)
    {
        if (!errors.Required(value, field))
        {
            return default;
        }

        if (!TimeOnly.TryParseExact(value, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            errors.Add(field, "Use a time of day as HH:mm, e.g. \"15:00\".");
        }

        return time;
    }
}
