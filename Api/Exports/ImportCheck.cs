using System.Globalization;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Organizations;
using Actors.Grains.Abstractions.Properties;
using Actors.Grains.Abstractions.Rooms;
using Actors.Grains.Abstractions.Users;

namespace Actors.Api.Exports;

/// <summary>
/// Checks a whole document before anything is written: an import touches many grains, none of which
/// can undo another's write, so every rule a grain would refuse on (ids, dates, room types, one stay or
/// block a night, the plan's limits, an empty target) is checked here first, naming the field that is wrong.
/// </summary>
public static class ImportCheck
{
    /// <summary>The largest document taken: a year of bookings of a large hotel group fits well under it.</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    public const int MaxProperties = 100;
    public const int MaxRoomsPerProperty = 1_000;
    public const int MaxBookings = 100_000;
    public const int MaxMembers = 100;
    private const int MaxRoomTypes = 100;
    private const int MaxRateOverrides = 1_000;

    public static ImportPlan Plan(OrganizationDocument? document, OrganizationView target, IReadOnlyList<MemberView> members, DateTimeOffset now)
    {
        if (document is null)
        {
            throw new DomainValidationException("body", "Send the JSON document an export gave.");
        }

        var errors = new FieldErrors();
        if (document.Format != OrganizationDocument.FormatName)
        {
            errors.Add("format", $"Not a document this platform wrote; expected \"{OrganizationDocument.FormatName}\".");
        }
        else if (document.Version is not OrganizationDocument.CurrentVersion)
        {
            errors.Add("version", document.Version is null
                ? "Required."
                : string.Create(CultureInfo.InvariantCulture, $"Version {document.Version} is not known here; this platform reads version {OrganizationDocument.CurrentVersion}."));
        }

        // A document of another kind or version is not read any further: its fields may mean other things.
        errors.ThrowIfAny();
        if (target.Properties.Count > 0)
        {
            throw new ConflictException(
                $"Organization '{target.Id}' already has properties ({string.Join(", ", target.Properties)}); an import goes only into an organization without any, so nothing is mixed or overwritten.");
        }

        var properties = Properties(document.Properties, errors, now);
        var invitations = Invitations(document.Members, members, errors);
        errors.ThrowIfAny();
        CheckPlan(target, properties);
        return new ImportPlan(properties, invitations);
    }

    private static List<PlannedProperty> Properties(IReadOnlyList<ExportedProperty?>? properties, FieldErrors errors, DateTimeOffset now)
    {
        var planned = new List<PlannedProperty>();
        if (!errors.Required(properties, "properties"))
        {
            return planned;
        }

        if (properties!.Count > MaxProperties)
        {
            errors.Add("properties", string.Create(CultureInfo.InvariantCulture, $"At most {MaxProperties} properties in one document."));
            return planned;
        }

        if (properties.Sum(p => p?.Bookings?.Count ?? 0) > MaxBookings)
        {
            errors.Add("properties", string.Create(CultureInfo.InvariantCulture, $"At most {MaxBookings} bookings in one document."));
            return planned;
        }

        var propertyIds = new HashSet<string>(StringComparer.Ordinal);
        var bookingIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < properties.Count; i++)
        {
            var field = $"properties[{i}]";
            if (!errors.Required(properties[i], field))
            {
                continue;
            }

            var property = properties[i]!;
            errors.Slug(property.Id, field + ".id");
            if (property.Id is not null && !propertyIds.Add(property.Id))
            {
                errors.Add(field + ".id", "Another property of the document has this id.");
            }

            errors.Settings(property.Settings, field + ".settings.");
            var roomTypes = RoomTypes(property.RoomTypes, field, errors);
            var blocks = new List<(string RoomId, RoomBlock Block, string Field)>();
            var rooms = Rooms(property.Rooms, roomTypes, field, blocks, errors);
            var settingsValid = property.Settings is not null && !errors.Has(field + ".settings.timeZone");
            var today = settingsValid ? Today(now, property.Settings!.TimeZone) : DateOnly.FromDateTime(now.UtcDateTime);
            var bookings = BookingCheck.Bookings(property, rooms, bookingIds, field, today, now, errors);
            BlockCheck.CheckStays(blocks, bookings, errors);
            if (property.Id is not null && property.Settings is not null && roomTypes.Count > 0)
            {
                planned.Add(new PlannedProperty(
                    property.Id,
                    new CreateProperty(property.Settings, [.. roomTypes.Select(AsRoomType)]),
                    Rates(roomTypes, today),
                    [.. rooms.Values],
                    bookings));
            }
        }

        return planned;
    }

    // The whole room type as exported: occupancy, guests the rate covers and the extra-guest charge too.
    // Documents exported before rates covered a number of guests read as covering 2: no more than the room sleeps.
    private static RoomType AsRoomType(RoomTypeView type) =>
        new(type.Id, type.Name, type.NightlyRate, type.MaxOccupancy, type.ExtraGuestCharge, Math.Min(type.IncludedGuests, type.MaxOccupancy));

    private static List<RoomTypeView> RoomTypes(IReadOnlyList<RoomTypeView?>? roomTypes, string property, FieldErrors errors)
    {
        var field = property + ".roomTypes";
        var valid = new List<RoomTypeView>();
        if (!errors.Required(roomTypes, field))
        {
            return valid;
        }

        if (roomTypes!.Count > MaxRoomTypes)
        {
            errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"At most {MaxRoomTypes} room types."));
            return valid;
        }

        for (var j = 0; j < roomTypes.Count; j++)
        {
            var at = $"{field}[{j}]";
            if (!errors.Required(roomTypes[j], at))
            {
                continue;
            }

            var type = roomTypes[j]!;
            errors.RoomType(AsRoomType(type), at + ".");
            if (valid.Exists(t => t.Id == type.Id))
            {
                errors.Add(at + ".id", "Another room type of this property has this id.");
            }

            var overrides = type.Overrides ?? [];
            if (overrides.Count > MaxRateOverrides)
            {
                errors.Add(at + ".overrides", string.Create(CultureInfo.InvariantCulture, $"At most {MaxRateOverrides} nights priced apart."));
            }

            for (var k = 0; k < overrides.Count && k < MaxRateOverrides; k++)
            {
                var rate = overrides[k];
                if (errors.Required(rate, $"{at}.overrides[{k}]"))
                {
                    BookingCheck.Night(rate!.Night, $"{at}.overrides[{k}].night", errors);
                    errors.Rate(rate.NightlyRate, $"{at}.overrides[{k}].nightlyRate");
                }
            }

            valid.Add(type with { Overrides = overrides });
        }

        return valid;
    }

    private static Dictionary<string, PlannedRoom> Rooms(
        IReadOnlyList<ExportedRoom?>? rooms, List<RoomTypeView> roomTypes, string property, List<(string RoomId, RoomBlock Block, string Field)> blocks, FieldErrors errors)
    {
        var field = property + ".rooms";
        var valid = new Dictionary<string, PlannedRoom>(StringComparer.Ordinal);
        if (!errors.Required(rooms, field))
        {
            return valid;
        }

        if (rooms!.Count > MaxRoomsPerProperty)
        {
            errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"At most {MaxRoomsPerProperty} rooms a property."));
            return valid;
        }

        for (var j = 0; j < rooms.Count; j++)
        {
            var at = $"{field}[{j}]";
            if (!errors.Required(rooms[j], at))
            {
                continue;
            }

            var room = rooms[j]!;
            errors.Slug(room.Id, at + ".id");
            errors.Text(room.Name, at + ".name");
            errors.Slug(room.RoomType, at + ".roomType");
            if (room.RoomType is not null && !roomTypes.Exists(t => t.Id == room.RoomType))
            {
                errors.Add(at + ".roomType", $"This property has no room type '{Short(room.RoomType)}'.");
            }

            if (room.Housekeeping is not { } status || !Enum.IsDefined(status))
            {
                errors.Add(at + ".housekeeping", "Use Clean, Dirty, Inspected or OutOfOrder.");
            }

            // Blocks sit in their room, so a block of a room the document does not have cannot be written.
            var roomBlocks = BlockCheck.Blocks(room.Blocks, at, errors);
            if (room.Id is null)
            {
                continue;
            }

            if (valid.ContainsKey(room.Id))
            {
                errors.Add(at + ".id", "Another room of this property has this id.");
                continue;
            }

            blocks.AddRange(roomBlocks.Select(b => (room.Id, b.Block, b.Field)));
            valid[room.Id] = new PlannedRoom(
                new NewRoom(room.Id, room.Name ?? "", room.RoomType ?? ""), room.Housekeeping ?? Housekeeping.Clean, room.Retired, [.. roomBlocks.Select(b => b.Block)]);
        }

        return valid;
    }

    /// <summary>Rates of nights still to sell, as ranges of one rate; past nights cannot be repriced, and their rates no longer matter.</summary>
    private static List<SetNightlyRates> Rates(List<RoomTypeView> roomTypes, DateOnly today)
    {
        var rates = new List<SetNightlyRates>();
        var last = today.AddDays(StayLimits.MaxDaysAhead);
        foreach (var type in roomTypes)
        {
            foreach (var rate in type.Overrides.Where(o => o.Night >= today && o.Night <= last).OrderBy(o => o.Night))
            {
                if (rates.Count > 0 && rates[^1] is var run && run.RoomType == type.Id && run.To == rate.Night && run.NightlyRate == rate.NightlyRate)
                {
                    rates[^1] = run with { To = rate.Night.AddDays(1) };
                }
                else
                {
                    rates.Add(new SetNightlyRates(type.Id, rate.Night, rate.Night.AddDays(1), rate.NightlyRate));
                }
            }
        }

        return rates;
    }

    /// <summary>Members become invitations with their roles (see the README): who is already a member here is left as they are.</summary>
    private static Dictionary<string, Role> Invitations(IReadOnlyList<ExportedMember?>? exported, IReadOnlyList<MemberView> members, FieldErrors errors)
    {
        var invitations = new Dictionary<string, Role>(StringComparer.Ordinal);
        if (exported is null)
        {
            return invitations;
        }

        if (exported.Count > MaxMembers)
        {
            errors.Add("members", string.Create(CultureInfo.InvariantCulture, $"At most {MaxMembers} members in one document."));
            return invitations;
        }

        var present = members.Select(m => m.Email).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < exported.Count; i++)
        {
            var at = $"members[{i}]";
            if (!errors.Required(exported[i], at))
            {
                continue;
            }

            var member = exported[i]!;
            errors.Email(member.Email, at + ".email");
            if (member.Role is not { } role || !Enum.IsDefined(role))
            {
                errors.Add(at + ".role", "Use Staff, Manager or Owner.");
                continue;
            }

            if (!errors.Has(at + ".email") && Emails.Normalize(member.Email!) is var email && !present.Contains(email))
            {
                invitations[email] = role;
            }
        }

        return invitations;
    }

    private static void CheckPlan(OrganizationView target, List<PlannedProperty> properties)
    {
        if (target.Limits.MaxProperties is { } maxProperties && properties.Count > maxProperties)
        {
            throw new PlanLimitException(string.Create(CultureInfo.InvariantCulture,
                $"The {target.Plan} plan allows {maxProperties} properties and the document has {properties.Count}; change the plan first."));
        }

        var rooms = properties.Sum(p => p.Rooms.Count(r => !r.Retired));
        if (target.Limits.MaxRooms is { } maxRooms && rooms > maxRooms)
        {
            throw new PlanLimitException(string.Create(CultureInfo.InvariantCulture,
                $"The {target.Plan} plan allows {maxRooms} rooms and the document has {rooms} in service; change the plan first."));
        }
    }

    private static DateOnly Today(DateTimeOffset now, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);

    internal static string Short(string value) => value.Length > 60 ? value[..60] + "..." : value;
}
