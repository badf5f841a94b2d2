using System.Text.Json.Serialization;

namespace Actors.Grains.Figures;

/// <summary>What the figures are computed from: each room's out-of-order flag, its blocks, and each stay that holds or sells nights.</summary>
public sealed class PropertyFiguresState
{
    public Dictionary<string, bool> OutOfOrder { get; set; } = [];

    /// <summary>By booking id; kept in the figures_stays table (FiguresStayRows), not in this document.</summary>
    [JsonIgnore]
    public Dictionary<string, FiguresStay> Stays { get; set; } = [];

    /// <summary>The stays of figures stored before they had their own table; the next write moves them there.</summary>
    [JsonPropertyName("stays")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, FiguresStay>? EarlierStays { get; set; }

    /// <summary>The rooms' blocks, by "room/block" (a block's id is its room's own).</summary>
    public Dictionary<string, FiguresBlock> Blocks { get; set; } = [];

    public string Currency { get; set; } = "";

    /// <summary>The property's time zone, which says which night is tonight.</summary>
    public string TimeZone { get; set; } = "UTC";
}

public enum FiguresStage
{
    Held,
    Confirmed,
    InHouse,
    Departed,
}

/// <summary>A booking's nights [CheckIn, CheckOut) and its total; revenue is spread evenly over the nights booked.</summary>
public sealed class FiguresStay
{
    /// <summary>The room the stay is in; empty for stays kept before rooms were recorded.</summary>
    public string RoomId { get; set; } = "";

    public DateOnly CheckIn { get; set; }

    public DateOnly CheckOut { get; set; }

    /// <summary>Nights the total was agreed for; an early check-out sells fewer nights at the same rate.</summary>
    public int NightsBooked { get; set; }

    public decimal Total { get; set; }

    public FiguresStage Stage { get; set; }

    public bool Sold => Stage is not FiguresStage.Held;

    public decimal NightlyRevenue => NightsBooked == 0 ? 0 : Total / NightsBooked;

    public bool Covers(DateOnly night) => CheckIn <= night && night < CheckOut;

    public bool Overlaps(DateOnly checkIn, DateOnly checkOut) => CheckIn < checkOut && checkIn < CheckOut;

    public FiguresStay Copy() => (FiguresStay)MemberwiseClone();
}

/// <summary>A room's block: nights [From, To) off sale; out of order ones also leave the rooms to sell.</summary>
public sealed class FiguresBlock
{
    public string RoomId { get; set; } = "";

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public bool OutOfOrder { get; set; }

    public bool Covers(DateOnly night) => From <= night && night < To;

    public bool Overlaps(DateOnly from, DateOnly to) => From < to && from < To;
}
