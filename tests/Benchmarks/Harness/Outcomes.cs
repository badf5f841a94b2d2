using System.Collections.Concurrent;
using System.Globalization;
using System.Net;

namespace Actors.Benchmarks.Harness;

/// <summary>HTTP statuses a load got, so a rate of refusals or errors is never reported as a rate of commits.</summary>
public sealed class Outcomes
{
    private readonly ConcurrentDictionary<HttpStatusCode, long> counts = new();

    public void Add(HttpStatusCode status) => counts.AddOrUpdate(status, 1, static (_, n) => n + 1);

    /// <summary>The share of responses that were <paramref name="success"/>: 1 when the load did only what it meant to.</summary>
    public double ShareOf(HttpStatusCode success)
    {
        var total = counts.Values.Sum();
        return total == 0 ? 0 : (double)counts.GetValueOrDefault(success) / total;
    }

    public override string ToString() =>
        string.Join(", ", counts.OrderBy(c => c.Key).Select(c => string.Create(CultureInfo.InvariantCulture, $"{(int)c.Key}: {c.Value}")));
}
