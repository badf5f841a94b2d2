using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Webhooks;

namespace Actors.Api.Webhooks;

/// <summary>An endpoint to register: an absolute http(s) URL, the event types it takes ("*" for all), and a note for the owner.</summary>
public sealed record WebhookEndpointRequest(string? Url, IReadOnlyList<string>? Events, string? Description)
{
    private const int MaxUrlLength = 2_000;

    public NewWebhookEndpoint ToCommand()
    {
        var errors = new FieldErrors();
        if (errors.Required(Url, "url"))
        {
            if (Url!.Length > MaxUrlLength || !Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.UserInfo.Length > 0)
            {
                errors.Add("url", $"Use an absolute http(s) URL without user name or password, at most {MaxUrlLength} characters.");
            }
        }

        if (Events is not { Count: > 0 })
        {
            errors.Add("events", $"Name at least one event type, or \"{WebhookEvents.All}\" for all.");
        }
        else if (Events.FirstOrDefault(e => e != WebhookEvents.All && !WebhookEvents.Known.Contains(e ?? "")) is { } unknown)
        {
            errors.Add("events", $"Unknown event type '{(unknown?.Length > 60 ? unknown[..60] + "..." : unknown)}'; use {string.Join(", ", WebhookEvents.Known.Order())} or \"{WebhookEvents.All}\".");
        }

        if (Description is not null)
        {
            errors.Text(Description, "description");
        }

        errors.ThrowIfAny();
        return new NewWebhookEndpoint(Url!, [.. Events!], Description ?? "");
    }
}
