namespace Actors.Grains.Abstractions.Funnel;

/// <summary>The steps' names as the API and the CSV spell them, and which of them a page may report.</summary>
public static class FunnelSteps
{
    public static readonly IReadOnlyList<FunnelStep> All = Enum.GetValues<FunnelStep>();

    /// <summary>The steps the guest's page reports itself; the rest are learnt from the booking.</summary>
    public static readonly IReadOnlyList<FunnelStep> FromThePage = [FunnelStep.Viewed, FunnelStep.Searched, FunnelStep.SawPrices, FunnelStep.ChoseRoom];

    public static string Name(FunnelStep step) => step switch
    {
        FunnelStep.Viewed => "viewed",
        FunnelStep.Searched => "searched",
        FunnelStep.SawPrices => "saw-prices",
        FunnelStep.ChoseRoom => "chose-room",
        FunnelStep.Held => "held",
        FunnelStep.Confirmed => "confirmed",
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    public static FunnelStep? FromName(string? name) => All.Cast<FunnelStep?>().FirstOrDefault(s => Name(s!.Value) == name);
}
