using System.Globalization;
using System.Net;

namespace Actors.Benchmarks.Harness;

/// <summary>The booking operations the scenarios measure, the same for the platform and the baseline.</summary>
public static class BookingLoads
{
    /// <summary>One call holds the cursor's next room and night for one night, over HTTP.</summary>
    public static Func<int, Func<CancellationToken, ValueTask>> Hold(
        Func<int, BookingSite> site, string org, string property, string roomPrefix, StayCursor cursor, Outcomes outcomes) =>
        caller => async cancellationToken =>
        {
            var (room, checkIn, key) = cursor.Next();
            outcomes.Add(await site(caller).BookAsync(org, property, roomPrefix + room.ToString(CultureInfo.InvariantCulture), checkIn, 1, key, cancellationToken));
        };

    /// <summary>
    /// What one booking writes, measured on the server: writing transactions and WAL bytes per booking
    /// over <paramref name="count"/> bookings made by 8 callers. Counted server-wide, so run it alone.
    /// </summary>
    public static async Task<(double Transactions, double WalBytes)> WritesPerBookingAsync(
        Npgsql.NpgsqlDataSource sql, BookingSite site, string org, string property, string roomPrefix, StayCursor cursor, int count, CancellationToken cancellationToken)
    {
        var outcomes = new Outcomes();
        var before = await PostgresServer.CountersAsync(sql, cancellationToken);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (_, ct) => await Hold(_ => site, org, property, roomPrefix, cursor, outcomes)(0)(ct));
        var used = await PostgresServer.CountersAsync(sql, cancellationToken) - before;
        if (outcomes.ShareOf(HttpStatusCode.Created) < 1)
        {
            throw new InvalidOperationException($"Bookings for the write count were refused: {outcomes}");
        }

        return (Math.Round((double)used.Transactions / count, 2), Math.Round((double)used.WalBytes / count));
    }
}
