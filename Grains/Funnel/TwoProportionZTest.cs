namespace Actors.Grains.Funnel;

/// <summary>
/// The two-proportion z-test of conversion: z = (p2 - p1) / sqrt(p (1 - p) (1/n1 + 1/n2)) with p the
/// pooled proportion, and the two-sided p-value 2 (1 - Φ(|z|)) = erfc(|z| / √2).
/// </summary>
internal static class TwoProportionZTest
{
    public const string Description = "two-proportion z-test of conversion (bookings over sessions) against the first variant, pooled standard error; p is two-sided";

    /// <summary>Null when a side has no sessions or nobody (or everybody) converted on both sides: there is nothing to compare.</summary>
    public static (double Z, double P)? Compare(int sessions1, int conversions1, int sessions2, int conversions2)
    {
        if (sessions1 == 0 || sessions2 == 0)
        {
            return null;
        }

        var pooled = (double)(conversions1 + conversions2) / (sessions1 + sessions2);
        var standardError = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / sessions1) + (1.0 / sessions2)));
        if (standardError == 0)
        {
            return null;
        }

        var z = (((double)conversions2 / sessions2) - ((double)conversions1 / sessions1)) / standardError;
        return (z, Erfc(Math.Abs(z) / Math.Sqrt(2)));
    }

    // Numerical Recipes' Chebyshev fit of erfc, fractional error below 1.2e-7 everywhere.
    private static double Erfc(double x)
    {
        var t = 1.0 / (1.0 + (0.5 * Math.Abs(x)));
        double[] coefficients = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
        var polynomial = 0.0;
        for (var i = coefficients.Length - 1; i >= 0; i--)
        {
            polynomial = (polynomial * t) + coefficients[i];
        }

        var y = t * Math.Exp(-(x * x) + polynomial);
        return x >= 0 ? y : 2 - y;
    }
}
