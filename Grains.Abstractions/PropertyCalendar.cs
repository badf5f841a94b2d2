namespace Actors.Grains.Abstractions;

/// <summary>Dates as the property lives them: "today" is the date in the property's time zone, not on the server.</summary>
public static class PropertyCalendar
{
    public static DateOnly Today(TimeProvider time, string timeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
    }
}
