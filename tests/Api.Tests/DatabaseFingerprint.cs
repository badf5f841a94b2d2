using Actors.Persistence.Testing;

namespace Actors.Api.Tests;

public static class DatabaseFingerprint
{
    /// <summary>
    /// Everything written so far, in one comparable string: state versions, events and stays. The
    /// state of stream consumers (a property's figures, its webhook dispatch) is left out: it follows
    /// the events on its own schedule, and the events it follows are counted.
    /// </summary>
    public static Task<string> FingerprintAsync(this TestDatabase database) => database.ScalarAsync<string>("""
        SELECT (SELECT count(*) || '/' || coalesce(sum(version), 0) FROM grain_state WHERE grain_type NOT IN ('property-figures', 'webhook-dispatch'))
            || ' events ' || (SELECT count(*) FROM event_log)
            || ' stays ' || (SELECT count(*) FROM stays)
        """);
}
