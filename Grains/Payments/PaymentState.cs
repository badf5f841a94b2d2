using Actors.Grains.Abstractions.Payments;

namespace Actors.Grains.Payments;

internal sealed class PaymentState
{
    public bool Exists { get; set; }

    public string IntentId { get; set; } = "";

    public string Account { get; set; } = "";

    public long Amount { get; set; }

    public string Currency { get; set; } = "";

    public PaymentStatus Status { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    /// <summary>Intents whose success was acted on, so a repeated report acts once.</summary>
    public List<string> SettledIntents { get; set; } = [];

    public List<PaymentFailure> Failures { get; set; } = [];

    public List<PaymentRefund> Refunds { get; set; } = [];

    public List<RefundDue> Due { get; set; } = [];

    public List<PaymentMismatch> Mismatches { get; set; } = [];
}
