using System.Globalization;
using System.Text;
using Actors.Grains.Abstractions.Figures;

namespace Actors.Api.Figures;

/// <summary>
/// A property's figures as CSV for a spreadsheet: the JSON's field names as the header row, one row
/// per night, dates as yyyy-MM-dd and numbers in the invariant culture (a point, no grouping), so a
/// file opens the same wherever it is read; CRLF line ends as RFC 4180 has them.
/// </summary>
public static class FiguresCsv
{
    public const string MediaType = "text/csv";

    public const string ContentType = MediaType + "; charset=utf-8";

    public const string Description =
        "Columns: night, rooms, outOfOrder, roomsSold, occupancy (0 to 1, four decimals), roomRevenue, adr, revPar (two decimals, in the property's currency), "
        + "arrivals, departures, inHouse, currency. Sent as an attachment (Content-Disposition) named {property}-figures-{first night}-to-{last night}.csv. "
        + "Same checks and errors as the JSON figures.";

    private const string Header = "night,rooms,outOfOrder,roomsSold,occupancy,roomRevenue,adr,revPar,arrivals,departures,inHouse,currency";

    public static byte[] Write(PropertyFigures figures)
    {
        var csv = new StringBuilder(Header.Length + 2 + (figures.Nights.Count * 80)).Append(Header).Append("\r\n");
        foreach (var night in figures.Nights)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{night.Night:yyyy-MM-dd},{night.Rooms},{night.OutOfOrder},{night.RoomsSold},{night.Occupancy:0.0000},{night.RoomRevenue:0.00},{night.Adr:0.00},{night.RevPar:0.00},{night.Arrivals},{night.Departures},{night.InHouse},{figures.Currency}\r\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
