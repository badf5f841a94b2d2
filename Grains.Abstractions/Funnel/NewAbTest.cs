using Actors.Grains.Abstractions.Failures;
using Orleans;

namespace Actors.Grains.Abstractions.Funnel;

/// <summary>An A/B test as a manager defines it: a name and two or more variants.</summary>
[GenerateSerializer, Immutable, Alias("NewAbTest")]
public sealed record NewAbTest(string Name, IReadOnlyList<AbVariant> Variants)
{
    public const int MaxNameLength = 100;
    public const int MaxHeadlineLength = 120;
    public const int MaxVariants = 10;
    public const int MaxWeight = 1000;
    public const int MaxRoomTypes = 50;

    /// <summary>The rules, run at the API door and again in the grain.</summary>
    public void Check(FieldErrors errors)
    {
        errors.Text(Name, "name", MaxNameLength);
        if (Variants is null || Variants.Count < 2)
        {
            errors.Add("variants", "Give at least two variants.");
            return;
        }

        if (Variants.Count > MaxVariants)
        {
            errors.Add("variants", $"At most {MaxVariants} variants.");
            return;
        }

        for (var i = 0; i < Variants.Count; i++)
        {
            var variant = Variants[i];
            var at = $"variants[{i}]";
            if (variant is null)
            {
                errors.Add(at, "Required.");
                continue;
            }

            errors.Slug(variant.Key, at + ".key");
            if (variant.Weight is < 1 or > MaxWeight)
            {
                errors.Add(at + ".weight", $"A whole number from 1 to {MaxWeight}.");
            }

            if (variant.Headline is not null)
            {
                errors.Text(variant.Headline, at + ".headline", MaxHeadlineLength);
            }

            var order = variant.RoomTypeOrder ?? [];
            if (order.Count > MaxRoomTypes)
            {
                errors.Add(at + ".roomTypeOrder", $"At most {MaxRoomTypes} room types.");
            }
            else
            {
                for (var t = 0; t < order.Count; t++)
                {
                    errors.Slug(order[t], $"{at}.roomTypeOrder[{t}]");
                }

                if (order.Distinct(StringComparer.Ordinal).Count() != order.Count)
                {
                    errors.Add(at + ".roomTypeOrder", "Name each room type once.");
                }
            }
        }

        var keys = Variants.Where(v => v is not null).Select(v => v.Key).ToList();
        if (keys.Distinct(StringComparer.Ordinal).Count() != keys.Count)
        {
            errors.Add("variants", "Give each variant its own key.");
        }
    }
}
