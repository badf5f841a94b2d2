using System.Globalization;
using System.Text;
using Actors.Grains.Abstractions.Webhooks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;

namespace Actors.Grains.Webhooks;

/// <summary>
/// Sends one endpoint's messages in order, one try at a time. A failed try (no answer, or not 2xx) is
/// retried after the next of the configured delays; after the last, the message becomes a dead letter
/// and the next one goes. A reminder wakes the grain while anything waits, so a silo's death only
/// delays deliveries.
/// </summary>
[GrainType("webhook-endpoint")]
internal sealed class WebhookEndpointGrain(
    [PersistentState("webhookEndpoint")] IPersistentState<WebhookEndpointState> endpoint,
    IHttpClientFactory http,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookEndpointGrain> logger) : Grain, IWebhookEndpointGrain, IRemindable
{
    public const string HttpClientName = "webhooks";
    private const string WakeUp = "webhook-deliveries";
    private const int SentWindow = 1_000;
    private IGrainTimer? timer;
    private bool sending;
    private bool wakeUpRegistered;

    private WebhookEndpointState State => endpoint.State;

    private IReadOnlyList<TimeSpan> Delays => options.Value.RetryDelays is { Count: > 0 } delays ? delays : WebhookOptions.DefaultRetryDelays;

    public async Task Enqueue(WebhookMessage message, WebhookTarget target)
    {
        (State.Url, State.Secret) = (target.Url, target.Secret);
        if (State.Sent.Contains(message.Id) || State.Pending.Any(p => p.Id == message.Id) || State.Dead.Any(d => d.Id == message.Id))
        {
            return;
        }

        State.Pending.Add(new PendingDelivery { Id = message.Id, Type = message.Type, Body = message.Body, DueAt = time.GetUtcNow() });
        await endpoint.WriteStateAsync();
        await ScheduleAsync();
    }

    public Task<IReadOnlyList<FailedWebhookDelivery>> DeadLetters() =>
        Task.FromResult<IReadOnlyList<FailedWebhookDelivery>>([.. State.Dead.Select(d => new FailedWebhookDelivery(d.Id, d.Type, d.Attempts, d.LastError, d.FailedAt))]);

    public async Task<bool> Replay(string deliveryId)
    {
        var dead = State.Dead.Find(d => d.Id == deliveryId);
        if (dead is null)
        {
            return false;
        }

        State.Dead.Remove(dead);
        State.Pending.Add(new PendingDelivery { Id = dead.Id, Type = dead.Type, Body = dead.Body, DueAt = time.GetUtcNow() });
        await endpoint.WriteStateAsync();
        await ScheduleAsync();
        return true;
    }

    public async Task Clear()
    {
        timer?.Dispose();
        timer = null;
        await endpoint.ClearStateAsync();
        await ForgetWakeUpAsync();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => ScheduleAsync();

    private async Task ScheduleAsync()
    {
        if (State.Pending.Count == 0)
        {
            await ForgetWakeUpAsync();
            return;
        }

        if (!wakeUpRegistered)
        {
            await this.RegisterOrUpdateReminder(WakeUp, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            wakeUpRegistered = true;
        }

        var due = State.Pending.Min(p => p.DueAt) - time.GetUtcNow();
        timer?.Dispose();
        timer = this.RegisterGrainTimer(SendDueAsync, new GrainTimerCreationOptions(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan));
    }

    private async Task SendDueAsync(CancellationToken cancellationToken)
    {
        if (sending)
        {
            return;
        }

        sending = true;
        try
        {
            while (State.Pending.FirstOrDefault(p => p.DueAt <= time.GetUtcNow()) is { } delivery)
            {
                await TryAsync(delivery, cancellationToken);
                await endpoint.WriteStateAsync(cancellationToken);
            }
        }
        finally
        {
            sending = false;
        }

        await ScheduleAsync();
    }

    private async Task TryAsync(PendingDelivery delivery, CancellationToken cancellationToken)
    {
        delivery.Attempts++;
        var error = await SendAsync(delivery, cancellationToken);
        if (error is null)
        {
            State.Pending.Remove(delivery);
            State.Sent.Add(delivery.Id);
            if (State.Sent.Count > SentWindow)
            {
                State.Sent.RemoveRange(0, State.Sent.Count - SentWindow);
            }

            return;
        }

        delivery.LastError = error;
        if (delivery.Attempts > Delays.Count)
        {
            logger.LogWarning("Webhook {Id} to {Url} failed {Attempts} times ({Error}); it is a dead letter now", delivery.Id, State.Url, delivery.Attempts, error);
            State.Pending.Remove(delivery);
            State.Dead.Add(new DeadDelivery
            {
                Id = delivery.Id, Type = delivery.Type, Body = delivery.Body, Attempts = delivery.Attempts, LastError = error, FailedAt = time.GetUtcNow(),
            });
            return;
        }

        delivery.DueAt = time.GetUtcNow() + Delays[delivery.Attempts - 1];
    }

    /// <summary>One try: null when the endpoint answered 2xx, else what went wrong.</summary>
    private async Task<string?> SendAsync(PendingDelivery delivery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, State.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Webhook-Id", delivery.Id);
        request.Headers.Add("Webhook-Event", delivery.Type);
        request.Headers.Add("Webhook-Attempt", delivery.Attempts.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.For(State.Secret, time.GetUtcNow(), delivery.Body));
        try
        {
            using var client = http.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"The endpoint answered {(int)response.StatusCode}.";
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return exception.Message;
        }
    }

    private async Task ForgetWakeUpAsync()
    {
        if (await this.GetReminder(WakeUp) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        wakeUpRegistered = false;
    }
}
