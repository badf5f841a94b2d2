using Actors.Persistence.Testing;

namespace Actors.Api.Tests;

public static class DatabaseFingerprint
{
    /// <summary>Everything written so far, in one comparable string: state versions, events and stays.</summary>
    public static Task<string> FingerprintAsync(this TestDatabase database) => database.ScalarAsync<string>("""
        SELECT (SELECT count(*) || '/' || coalesce(sum(version), 0) FROM grain_state)
            || ' events ' || (SELECT count(*) FROM event_log)
            || ' stays ' || (SELECT count(*) FROM stays)
        """);
}
