using Actors.Grains.Abstractions.Failures;

namespace Actors.Grains.Abstractions.Payments;

/// <summary>
/// Amounts as Stripe takes them: integers in the currency's smallest unit (cents for EUR, yen for JPY,
/// fils for BHD). Booking totals carry at most two decimals, so three-decimal currencies always end
/// in 0, as Stripe requires.
/// </summary>
public static class MinorUnits
{
    // Stripe's zero-decimal and three-decimal currencies; every other one has two decimals.
    private static readonly HashSet<string> ZeroDecimal = new(StringComparer.OrdinalIgnoreCase)
    {
        "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
    };

    private static readonly HashSet<string> ThreeDecimal = new(StringComparer.OrdinalIgnoreCase) { "BHD", "JOD", "KWD", "OMR", "TND" };

    public static int ExponentOf(string currency) => ZeroDecimal.Contains(currency) ? 0 : ThreeDecimal.Contains(currency) ? 3 : 2;

    /// <summary>The amount in minor units; fractions a zero-decimal currency cannot express are refused rather than rounded away.</summary>
    public static long From(decimal amount, string currency)
    {
        var scaled = amount * Pow10(ExponentOf(currency));
        if (scaled != decimal.Truncate(scaled))
        {
            throw new DomainValidationException("amount", $"{amount} cannot be charged in {currency}, which has {ExponentOf(currency)} decimals.");
        }

        return (long)scaled;
    }

    /// <summary>The amount of <paramref name="minor"/> units in the currency's own unit (2000 cents: 20.00).</summary>
    public static decimal ToAmount(long minor, string currency) => minor / Pow10(ExponentOf(currency));

    private static decimal Pow10(int exponent) => exponent switch { 0 => 1m, 3 => 1000m, _ => 100m };
}
