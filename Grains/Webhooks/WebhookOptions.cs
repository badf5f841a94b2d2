namespace Actors.Grains.Webhooks;

/// <summary>How outgoing webhooks are delivered, bound from the "Webhooks" configuration section.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>The waits before each retry; after the last one fails the delivery is a dead letter. Default: 10 s, 1 min, 5 min, 30 min, 2 h (six tries).</summary>
    public List<TimeSpan> RetryDelays { get; set; } = [];

    public static IReadOnlyList<TimeSpan> DefaultRetryDelays { get; } =
        [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)];

    /// <summary>How long one try waits for the endpoint's answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether endpoints may be on loopback or private networks. Off by default: an owner's URL must not
    /// reach the platform's own network (SSRF); tests and on-premises installs turn it on.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }
}
