using System.Text.Json.Nodes;

namespace Actors.Api.Tests.Exports;

/// <summary>Bookings written as an organization export writes them, for documents a test imports.</summary>
public static class ExportedBookings
{
    /// <summary>A booking as an export writes it, priced 100 a night.</summary>
    public static JsonObject Booking(string id, string room, int from, int to, string status, int? departedOn = null, string? checkIn = null)
    {
        var nights = new JsonArray();
        var start = checkIn is null ? ApiFixture.Today.AddDays(from) : DateOnly.Parse(checkIn, System.Globalization.CultureInfo.InvariantCulture);
        for (var night = 0; night < to - from; night++)
        {
            nights.Add(new JsonObject { ["night"] = start.AddDays(night).ToString("yyyy-MM-dd"), ["price"] = 100m });
        }

        return new JsonObject
        {
            ["id"] = id,
            ["roomId"] = room,
            ["roomType"] = "double",
            ["checkIn"] = checkIn ?? ApiFixture.Day(from),
            ["checkOut"] = checkIn is null ? ApiFixture.Day(to) : start.AddDays(to - from).ToString("yyyy-MM-dd"),
            ["departedOn"] = departedOn is { } left ? ApiFixture.Day(left) : null,
            ["status"] = status,
            ["guest"] = new JsonObject { ["name"] = "Guest " + id, ["email"] = "guest@example.com" },
            ["nights"] = nights,
            ["total"] = 100m * (to - from),
            ["currency"] = "EUR",
            ["cancellation"] = new JsonObject { ["freeUntilDaysBeforeArrival"] = 2, ["lateFee"] = "FirstNight" },
        };
    }
}
