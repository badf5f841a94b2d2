using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Actors.Api.Tests.Webhooks;

/// <summary>A real HTTP server standing in for an integrator's endpoint: it keeps every delivery and answers with the status the test sets.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private WebhookReceiver(WebApplication app) => this.app = app;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public HttpStatusCode Answer { get; set; } = HttpStatusCode.OK;

    public string Url { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            receiver.Received.Enqueue(new ReceivedWebhook(
                request.Headers["Webhook-Id"].ToString(),
                request.Headers["Webhook-Event"].ToString(),
                int.Parse(request.Headers["Webhook-Attempt"].ToString(), System.Globalization.CultureInfo.InvariantCulture),
                request.Headers["Webhook-Signature"].ToString(),
                body,
                receiver.Answer));
            return Results.StatusCode((int)receiver.Answer);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hook";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public sealed record ReceivedWebhook(string Id, string Type, int Attempt, string Signature, string Body, HttpStatusCode AnsweredWith);
