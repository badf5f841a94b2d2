using System.Globalization;
using System.Net;

namespace Actors.Benchmarks.Harness;

/// <summary>The booking operations the scenarios measure, the same for the platform and the baseline.</summary>
public static class BookingLoads
{
    private static readonly TimeSpan WritesSettle = TimeSpan.FromSeconds(3);

    /// <summary>One call holds the cursor's next room and night for one night, over HTTP.</summary>
    public static Func<int, Func<CancellationToken, ValueTask>> Hold(
        Func<int, BookingSite> site, string org, string property, string roomPrefix, StayCursor cursor, Outcomes outcomes) =>
        caller => async cancellationToken =>
        {
            var (room, checkIn, key) = cursor.Next();
            outcomes.Add(await site(caller).BookAsync(org, property, roomPrefix + room.ToString(CultureInfo.InvariantCulture), checkIn, 1, key, cancellationToken));
        };

    /// <summary>
    /// What one booking writes, measured on the server: writing transactions (xids handed out) and
    /// WAL bytes per booking over <paramref name="count"/> bookings made by 8 callers. Counted
    /// server-wide, so run it alone. Transactions are attributed by the rows they left behind (each
    /// row's xmin is the transaction that wrote it): Orleans' reminder registrations, autocommitted
    /// upserts of their own that a booking's state write cannot share, are counted in the total and
    /// also shown apart; the cluster's own bookkeeping in the window (Orleans membership heartbeats of
    /// the silo in this process, which would come whatever the load) is left out of the total.
    /// </summary>
    public static async Task<BookingWrites> WritesPerBookingAsync(
        Npgsql.NpgsqlDataSource sql, BookingSite site, string org, string property, string roomPrefix, StayCursor cursor, int count, CancellationToken cancellationToken)
    {
        var outcomes = new Outcomes();
        var before = await PostgresServer.CountersAsync(sql, cancellationToken);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (_, ct) => await Hold(_ => site, org, property, roomPrefix, cursor, outcomes)(0)(ct));
        // What the bookings set off belongs to them too: the platform's event consumers store their
        // state within two seconds, which would otherwise land in the next probe's window.
        await Task.Delay(WritesSettle, cancellationToken);
        var after = await PostgresServer.CountersAsync(sql, cancellationToken);
        var used = after - before;
        if (outcomes.ShareOf(HttpStatusCode.Created) < 1)
        {
            throw new InvalidOperationException($"Bookings for the write count were refused: {outcomes}");
        }

        var reminders = await PostgresServer.TransactionsWritingAsync(sql, ["orleans_reminders"], before, after, cancellationToken);
        var cluster = await PostgresServer.TransactionsWritingAsync(sql, ["orleans_membership", "orleans_membership_version"], before, after, cancellationToken);
        return new BookingWrites(
            Math.Round((double)(used.Transactions - cluster) / count, 2),
            Math.Round((double)used.WalBytes / count),
            Math.Round((double)reminders / count, 2),
            cluster,
            await PostgresServer.TransactionsByTableAsync(sql, before, after, cancellationToken),
            await PostgresServer.WalByTableAsync(sql, before, after, count, cancellationToken));
    }
}

/// <summary>What one booking writes: transactions (reminder registrations included), WAL bytes, and the part that registers reminders.</summary>
/// <param name="ClusterTransactions">Membership writes during the probe, left out of <paramref name="Transactions"/>.</param>
/// <param name="ByTable">Transactions of the probe by table written ("table: n, ..."), for the results file.</param>
/// <param name="WalByTable">WAL bytes per booking by the table or index written ("table: bytes, ..."), for the results file.</param>
public sealed record BookingWrites(double Transactions, double WalBytes, double ReminderTransactions, long ClusterTransactions, string ByTable, string WalByTable);
