namespace Actors.Grains.Abstractions.Rooms;

/// <summary>
/// Why a room is blocked, in the words the API takes. Out of order: broken, not a room to sell, so it
/// leaves the nights' rooms to sell in the figures. Out of service: fine but kept aside (a show room, a
/// deep clean), so it is not sold either but still counts as a room the hotel has to sell.
/// </summary>
public static class BlockKinds
{
    public const string OutOfOrder = "out_of_order";

    public const string OutOfService = "out_of_service";

    public static bool IsKnown(string? kind) => kind is OutOfOrder or OutOfService;
}
