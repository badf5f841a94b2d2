namespace Actors.Grains.Webhooks;

internal sealed class WebhooksState
{
    public Dictionary<string, RegisteredEndpoint> Endpoints { get; set; } = [];
}

internal sealed class RegisteredEndpoint
{
    public string Url { get; set; } = "";

    public string Secret { get; set; } = "";

    public List<string> Events { get; set; } = [];

    public string Description { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
