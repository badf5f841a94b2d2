namespace Actors.Grains.Payments;

internal sealed class StripeEventState
{
    public bool Processed { get; set; }

    public string Type { get; set; } = "";

    public string Outcome { get; set; } = "";

    public DateTimeOffset ProcessedAt { get; set; }
}
