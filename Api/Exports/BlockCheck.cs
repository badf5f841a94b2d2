using System.Globalization;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Properties;
using Actors.Grains.Abstractions.Rooms;

namespace Actors.Api.Exports;

/// <summary>
/// The blocks of the rooms of a document: each whole (id as the room numbers them, dates, kind, reason),
/// and none sharing a night with another block or a stay of its room, which the room and the stays
/// table would refuse halfway through the import otherwise. Past blocks are taken, as past stays are.
/// </summary>
public static class BlockCheck
{
    public const int MaxBlocksPerRoom = 1_000;

    /// <summary>A room's blocks, each with the field it came from; a document written before blocks were exported has none.</summary>
    public static List<(RoomBlock Block, string Field)> Blocks(IReadOnlyList<ExportedBlock?>? blocks, string room, FieldErrors errors)
    {
        var field = room + ".blocks";
        var valid = new List<(RoomBlock Block, string Field)>();
        if (blocks is null)
        {
            return valid;
        }

        if (blocks.Count > MaxBlocksPerRoom)
        {
            errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"At most {MaxBlocksPerRoom} blocks a room."));
            return valid;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < blocks.Count; k++)
        {
            var at = $"{field}[{k}]";
            if (errors.Required(blocks[k], at) && Block(blocks[k]!, ids, at, errors) is { } block)
            {
                valid.Add((block, at));
            }
        }

        CheckOneBlockANight(valid, errors);
        return valid;
    }

    /// <summary>A block and a stay the document keeps in one room never share a night: the room takes one or the other.</summary>
    public static void CheckStays(IReadOnlyList<(string RoomId, RoomBlock Block, string Field)> blocks, IReadOnlyList<PlannedBooking> bookings, FieldErrors errors)
    {
        var stays = bookings
            .Where(b => b.Restore.NightsKept is not null)
            .ToLookup(b => b.Restore.RoomId, StringComparer.Ordinal);
        foreach (var (roomId, block, field) in blocks)
        {
            if (stays[roomId].FirstOrDefault(b => block.Overlaps(b.Restore.NightsKept!.Value.CheckIn, b.Restore.NightsKept!.Value.CheckOut)) is { } stay)
            {
                errors.Add(field + ".from", $"Shares nights with booking '{stay.Id}' in room '{roomId}': a blocked night takes no stay.");
            }
        }
    }

    private static RoomBlock? Block(ExportedBlock block, HashSet<string> ids, string at, FieldErrors errors)
    {
        var before = errors.Count;
        if (errors.Required(block.Id, at + ".id"))
        {
            if (!RoomBlock.TryNumber(block.Id, out _))
            {
                errors.Add(at + ".id", "Use a whole number from 1, as a room numbers its blocks.");
            }
            else if (!ids.Add(block.Id!))
            {
                errors.Add(at + ".id", "Another block of this room has this id.");
            }
        }

        var datesValid = BookingCheck.Night(block.From, at + ".from", errors) & BookingCheck.Night(block.To, at + ".to", errors);
        if (datesValid && block.To <= block.From)
        {
            errors.Add(at + ".to", "Must be after 'from'.");
        }
        else if (datesValid && block.To!.Value.DayNumber - block.From!.Value.DayNumber > StayLimits.MaxDaysAhead)
        {
            errors.Add(at + ".to", string.Create(CultureInfo.InvariantCulture, $"At most {StayLimits.MaxDaysAhead} nights at once."));
        }

        if (errors.Required(block.Kind, at + ".kind") && !BlockKinds.IsKnown(block.Kind))
        {
            errors.Add(at + ".kind", $"Use \"{BlockKinds.OutOfOrder}\" or \"{BlockKinds.OutOfService}\".");
        }

        errors.Text(block.Reason, at + ".reason");
        return errors.Count > before ? null : new RoomBlock(block.Id!, block.From!.Value, block.To!.Value, block.Kind!, block.Reason!);
    }

    private static void CheckOneBlockANight(List<(RoomBlock Block, string Field)> blocks, FieldErrors errors)
    {
        RoomBlock? latest = null;
        foreach (var (block, field) in blocks.OrderBy(b => b.Block.From))
        {
            if (latest is not null && block.From < latest.To)
            {
                errors.Add(field + ".from", $"Overlaps block '{latest.Id}' of this room: a room takes one block a night.");
            }

            if (latest is null || block.To > latest.To)
            {
                latest = block;
            }
        }
    }
}
