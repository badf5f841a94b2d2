using System.Globalization;
using System.Text;
using Actors.Grains.Abstractions.Funnel;

namespace Actors.Api.Funnel;

/// <summary>
/// The funnel's counts as CSV: a header row, then a row per day, source, medium, campaign and variant,
/// dates as yyyy-MM-dd, numbers in the invariant culture, CRLF line ends (RFC 4180). Source, medium and
/// campaign come from visitors' addresses, so they are quoted, and one starting with =, +, - or @
/// gets a leading apostrophe so a spreadsheet shows it rather than running it.
/// </summary>
public static class FunnelCsv
{
    public const string MediaType = "text/csv";

    public const string ContentType = MediaType + "; charset=utf-8";

    public const string Description =
        "Columns: day, source, medium, campaign, test, variant, sessions, viewed, searched, sawPrices, choseRoom, held, confirmed, abandoned, revenue (two decimals), currency. "
        + "Sent as an attachment named {property}-funnel-{from}-to-{to}.csv. Same checks and errors as the JSON funnel.";

    private const string Header = "day,source,medium,campaign,test,variant,sessions,viewed,searched,sawPrices,choseRoom,held,confirmed,abandoned,revenue,currency";

    public static byte[] Write(FunnelReport report)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var r in report.Rows)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{r.Day:yyyy-MM-dd},{Text(r.Source)},{Text(r.Medium)},{Text(r.Campaign)},{r.TestId},{r.Variant},{r.Sessions},{r.Viewed},{r.Searched},{r.SawPrices},{r.ChoseRoom},{r.Held},{r.Confirmed},{r.Abandoned},{r.Revenue:0.00},{report.Currency}\r\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static string Text(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
