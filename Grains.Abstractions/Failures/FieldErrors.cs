using System.Globalization;
using Actors.Grains.Abstractions.Properties;
using Actors.Grains.Abstractions.Rooms;

namespace Actors.Grains.Abstractions.Failures;

/// <summary>
/// Collects what is wrong with a request, field by field, so the caller learns every bad field at
/// once. The same rules run at the API door and again in the grains, which trust no caller.
/// </summary>
public sealed class FieldErrors
{
    public const int MaxTextLength = 200;

    /// <summary>
    /// The dates a query may name. Far enough either way for any real stay or report, and far enough
    /// from DateOnly's own ends that adding a board's or a report's nights to one cannot overflow.
    /// </summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    public static readonly DateOnly LatestDate = new(2199, 12, 31);

    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsEmpty => errors.Count == 0;

    /// <summary>How many messages are collected, so a caller can tell whether one part of a request added any.</summary>
    public int Count => errors.Values.Sum(m => m.Count);

    public FieldErrors Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }

        messages.Add(message);
        return this;
    }

    public bool Has(string field) => errors.ContainsKey(field);

    /// <summary>Throws a <see cref="DomainValidationException"/> naming every bad field, if there is one.</summary>
    public void ThrowIfAny()
    {
        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }
    }

    public bool Required<T>(T? value, string field)
    {
        if (value is null || (value is string s && string.IsNullOrWhiteSpace(s)))
        {
            Add(field, "Required.");
            return false;
        }

        return true;
    }

    public void Slug(string? value, string field)
    {
        if (Required(value, field) && !Abstractions.Slug.IsValid(value))
        {
            Add(field, $"Use 1 to {Abstractions.Slug.MaxLength} lowercase letters, digits or '-', not starting with '-'.");
        }
    }

    public void Text(string? value, string field, int maxLength = MaxTextLength)
    {
        if (!Required(value, field))
        {
            return;
        }

        if (value!.Length > maxLength)
        {
            Add(field, $"At most {maxLength} characters.");
        }
        else if (value.Any(char.IsControl))
        {
            Add(field, "Control characters are not allowed.");
        }
        else if (value.Any(IsDirectionOverride))
        {
            Add(field, "Characters that reverse or isolate the writing direction are not allowed.");
        }
        else if (value.All(IsInvisible))
        {
            Add(field, "Needs at least one visible character.");
        }
    }

    // Embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) make the text shown differ
    // from the text stored ("Ann \u202Egpj.exe" reads "Ann exe.jpg"); the plain marks U+200E/U+200F
    // that right-to-left names need are left alone.
    private static bool IsDirectionOverride(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    // Zero-width spaces and joiners and the byte order mark are format characters: a name of only
    // those shows as nothing on the board or the confirmation.
    private static bool IsInvisible(char c) => char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    public void Email(string? value, string field)
    {
        Text(value, field, 254);
        if (Has(field))
        {
            return;
        }

        var at = value!.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == value.Length - 1 || value.Any(char.IsWhiteSpace))
        {
            Add(field, "Not an email address.");
        }
    }

    /// <summary>An IANA time zone id known to this machine, such as "Europe/Lisbon".</summary>
    public void TimeZone(string? value, string field)
    {
        if (!Required(value, field))
        {
            return;
        }

        // Checked for shape first: the id becomes a file path under the zoneinfo directory.
        var shaped = value!.Length <= 64 && !value.Contains("..", StringComparison.Ordinal) && value[0] != '/'
            && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+');
        if (!shaped || !TimeZoneInfo.TryFindSystemTimeZoneById(value, out _))
        {
            Add(field, "Not a known IANA time zone id (e.g. \"Europe/Lisbon\").");
        }
    }

    /// <summary>An ISO 4217 code: three uppercase letters, such as "EUR".</summary>
    public void Currency(string? value, string field)
    {
        if (Required(value, field) && (value!.Length != 3 || !value.All(char.IsAsciiLetterUpper)))
        {
            Add(field, "Use an ISO 4217 code of three uppercase letters (e.g. \"EUR\").");
        }
    }

    /// <summary>A nightly rate: positive, at most a million, in cents at most.</summary>
    public void Rate(decimal? value, string field)
    {
        if (!Required(value, field))
        {
            return;
        }

        if (value <= 0 || value > 1_000_000m || decimal.Round(value!.Value, 2) != value)
        {
            Add(field, "Use an amount above 0 and at most 1000000, with at most two decimals.");
        }
    }

    /// <summary>A date from a query string, as yyyy-MM-dd from <see cref="EarliestDate"/> to <see cref="LatestDate"/>; null (and an error, unless absent) otherwise.</summary>
    public DateOnly? Date(string? value, string field)
    {
        if (value is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Add(field, "Use a date as yyyy-MM-dd.");
            return null;
        }

        if (date < EarliestDate || date > LatestDate)
        {
            Add(field, string.Create(CultureInfo.InvariantCulture, $"Use a date from {EarliestDate:yyyy-MM-dd} to {LatestDate:yyyy-MM-dd}."));
            return null;
        }

        return date;
    }

    public void Range(int? value, string field, int min, int max)
    {
        if (Required(value, field) && (value < min || value > max))
        {
            Add(field, string.Create(CultureInfo.InvariantCulture, $"Use a whole number from {min} to {max}."));
        }
    }

    public void Settings(PropertySettings? settings, string prefix = "")
    {
        if (!Required(settings, prefix.Length == 0 ? "settings" : prefix.TrimEnd('.')))
        {
            return;
        }

        Text(settings!.Name, prefix + "name");
        TimeZone(settings.TimeZone, prefix + "timeZone");
        Currency(settings.Currency, prefix + "currency");
        Range(settings.MinimumStay, prefix + "minimumStay", 1, 30);
        if (Required(settings.Cancellation, prefix + "cancellation"))
        {
            Range(settings.Cancellation.FreeUntilDaysBeforeArrival, prefix + "cancellation.freeUntilDaysBeforeArrival", 0, 365);
            if (!Enum.IsDefined(settings.Cancellation.LateFee))
            {
                Add(prefix + "cancellation.lateFee", "Unknown fee.");
            }
        }
    }

    public void RoomType(RoomType? roomType, string prefix)
    {
        if (!Required(roomType, prefix.TrimEnd('.')))
        {
            return;
        }

        Slug(roomType!.Id, prefix + "id");
        Text(roomType.Name, prefix + "name");
        Rate(roomType.NightlyRate, prefix + "nightlyRate");
        RoomTypeLimits(roomType, prefix);
    }

    /// <summary>A room type's guests: how many it sleeps, how many its rate covers, and the charge for each guest beyond.</summary>
    public void RoomTypeLimits(RoomType roomType, string prefix)
    {
        if (roomType.MaxOccupancy is not null)
        {
            Range(roomType.MaxOccupancy, prefix + "maxOccupancy", 1, StayLimits.MaxGuests);
        }

        if (roomType.ExtraGuestCharge is { } charge && (charge < 0 || charge > 1_000_000m || decimal.Round(charge, 2) != charge))
        {
            Add(prefix + "extraGuestCharge", "Use an amount from 0 to 1000000 a night, with at most two decimals.");
        }

        if (roomType.IncludedGuests is not null)
        {
            Range(roomType.IncludedGuests, prefix + "includedGuests", 1, roomType.MaxOccupancy ?? StayLimits.MaxGuests);
        }
    }

    /// <summary>A block's nights, kind and reason, as the API and the room both check them (the room adds "not in the past").</summary>
    public void Block(DateOnly? from, DateOnly? to, string? kind, string? reason)
    {
        Required(from, "from");
        if (Required(to, "to") && from is { } first && to <= first)
        {
            Add("to", "Must be after 'from'.");
        }
        else if (from is { } start && to is { } end && end.DayNumber - start.DayNumber > StayLimits.MaxDaysAhead)
        {
            Add("to", $"At most {StayLimits.MaxDaysAhead} nights at once.");
        }

        if (Required(kind, "kind") && !BlockKinds.IsKnown(kind))
        {
            Add("kind", $"Use \"{BlockKinds.OutOfOrder}\" or \"{BlockKinds.OutOfService}\".");
        }

        Text(reason, "reason");
    }

    /// <summary>How many people a request is for: a whole number from 1 to <see cref="StayLimits.MaxGuests"/>.</summary>
    public void Guests(int? value, string field = "guests") => Range(value, field, 1, StayLimits.MaxGuests);
}
