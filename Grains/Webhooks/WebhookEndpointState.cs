namespace Actors.Grains.Webhooks;

internal sealed class WebhookEndpointState
{
    public string Url { get; set; } = "";

    public string Secret { get; set; } = "";

    /// <summary>Messages to send, oldest first.</summary>
    public List<PendingDelivery> Pending { get; set; } = [];

    public List<DeadDelivery> Dead { get; set; } = [];

    /// <summary>Ids of the latest messages sent (a bounded window): a message queued again after a consumer's restart is not sent twice.</summary>
    public List<string> Sent { get; set; } = [];
}

internal sealed class PendingDelivery
{
    public string Id { get; set; } = "";

    public string Type { get; set; } = "";

    public string Body { get; set; } = "";

    public int Attempts { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public string LastError { get; set; } = "";
}

internal sealed class DeadDelivery
{
    public string Id { get; set; } = "";

    public string Type { get; set; } = "";

    public string Body { get; set; } = "";

    public int Attempts { get; set; }

    public string LastError { get; set; } = "";

    public DateTimeOffset FailedAt { get; set; }
}
