using Actors.Grains.Abstractions.Funnel;

namespace Actors.Grains.Funnel;

/// <summary>Adds a funnel's counts up over a range of days: steps with drop-off, sources, and each A/B test's variants.</summary>
internal static class FunnelReports
{
    public static FunnelReport Build(DateOnly from, DateOnly to, VisitFunnelState funnel, IReadOnlyList<AbTestView> tests)
    {
        var rows = funnel.Counts.Values
            .Where(c => c.Day >= from && c.Day <= to)
            .OrderBy(c => c.Day).ThenBy(c => c.Source, StringComparer.Ordinal).ThenBy(c => c.Medium, StringComparer.Ordinal)
            .ThenBy(c => c.Campaign, StringComparer.Ordinal).ThenBy(c => c.TestId, StringComparer.Ordinal).ThenBy(c => c.Variant, StringComparer.Ordinal)
            .ToList();
        var sessions = rows.Sum(r => r.Sessions);
        var steps = new List<StepCount>();
        var previous = sessions;
        foreach (var step in FunnelSteps.All)
        {
            var reached = rows.Sum(r => r.Reached[(int)step - 1]);
            steps.Add(new StepCount(FunnelSteps.Name(step), reached, previous == 0 ? 0 : Math.Round(1 - ((decimal)reached / previous), 4)));
            previous = reached;
        }

        var sources = rows
            .GroupBy(r => (r.Source, r.Medium, r.Campaign))
            .Select(g => new SourceResult(g.Key.Source, g.Key.Medium, g.Key.Campaign, g.Sum(r => r.Sessions), g.Sum(Bookings), Conversion(g.Sum(r => r.Sessions), g.Sum(Bookings)), g.Sum(r => r.Revenue)))
            .OrderByDescending(s => s.Sessions).ThenBy(s => s.Source, StringComparer.Ordinal).ThenBy(s => s.Medium, StringComparer.Ordinal).ThenBy(s => s.Campaign, StringComparer.Ordinal)
            .ToList();

        var results = new List<TestResult>();
        foreach (var test in tests)
        {
            var ofTest = rows.Where(r => r.TestId == test.Id).ToList();
            if (ofTest.Count == 0 && test.Status != AbTestStatus.Running)
            {
                continue;
            }

            var variants = new List<VariantResult>();
            foreach (var variant in test.Variants)
            {
                var ofVariant = ofTest.Where(r => r.Variant == variant.Key).ToList();
                var (n, x) = (ofVariant.Sum(r => r.Sessions), ofVariant.Sum(Bookings));
                var compared = variants.Count == 0 ? null : TwoProportionZTest.Compare(variants[0].Sessions, variants[0].Bookings, n, x);
                variants.Add(new VariantResult(variant.Key, n, x, Conversion(n, x), ofVariant.Sum(r => r.Revenue), Round(compared?.Z), Round(compared?.P)));
            }

            results.Add(new TestResult(test.Id, test.Name, test.Status, TwoProportionZTest.Description, variants));
        }

        var report = rows.Select(r => new FunnelRow(r.Day, r.Source, r.Medium, r.Campaign, r.TestId, r.Variant, r.Sessions,
            r.Reached[0], r.Reached[1], r.Reached[2], r.Reached[3], r.Reached[4], r.Reached[5], r.Abandoned, r.Revenue)).ToList();
        return new FunnelReport(from, to, funnel.Currency, sessions, rows.Sum(Bookings), rows.Sum(r => r.Revenue), rows.Sum(r => r.Abandoned), steps, sources, results, report);
    }

    private static int Bookings(FunnelCounts counts) => counts.Reached[(int)FunnelStep.Confirmed - 1];

    private static decimal Conversion(int sessions, int bookings) => sessions == 0 ? 0 : Math.Round((decimal)bookings / sessions, 4);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;
}
