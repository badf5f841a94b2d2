using Actors.Persistence.Testing;

namespace Actors.Api.Tests;

public static class DatabaseFingerprint
{
    /// <summary>Grain types of the stream consumers, whose state follows the events they consume on its own schedule.</summary>
    public const string StreamConsumers = "'property-figures', 'webhook-dispatch', 'visit-funnel'";

    /// <summary>
    /// Everything written so far, in one comparable string: state versions, events and stays. The
    /// state of stream consumers (a property's figures, its webhook dispatch) is left out: it follows
    /// the events on its own schedule, and the events it follows are counted.
    /// </summary>
    public static Task<string> FingerprintAsync(this TestDatabase database) => database.ScalarAsync<string>($"""
        SELECT (SELECT count(*) || '/' || coalesce(sum(version), 0) FROM grain_state WHERE grain_type NOT IN ({StreamConsumers}))
            || ' events ' || (SELECT count(*) FROM event_log)
            || ' stays ' || (SELECT count(*) FROM stays)
        """);
}
