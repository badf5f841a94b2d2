namespace Actors.Grains.Abstractions;

/// <summary>
/// The shape of every id a caller may choose (organization, property, room type, room, booking):
/// lowercase letters, digits and '-', at most 64 characters. Ids are joined with '/' into grain
/// keys, so keeping '/' out is what keeps one organization's keys out of another's.
/// </summary>
public static class Slug
{
    public const int MaxLength = 64;

    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || value[0] == '-')
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
