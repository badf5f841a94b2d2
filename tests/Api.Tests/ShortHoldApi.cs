namespace Actors.Api.Tests;

/// <summary>The app with holds that lapse after two seconds.</summary>
public sealed class ShortHoldApi : ApiFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Bookings:HoldTimeout"] = "00:00:02" };
}
