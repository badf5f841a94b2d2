using System.Net;
using System.Net.Sockets;
using Actors.Runtime.Activation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Runtime.Transport;

/// <summary>Accepts connections from other silos and runs the calls they carry on this silo's grains.</summary>
internal sealed class SiloListener : IHostedService
{
    private readonly Catalog catalog;
    private readonly RemoteCallCodec codec;
    private readonly ILogger<SiloListener> logger;
    private readonly ClusterOptions options;
    private readonly List<SiloConnection> accepted = [];
    private readonly CancellationTokenSource stopping = new();
    private TcpListener? listener;
    private Task? accepting;

    public SiloListener(Catalog catalog, RemoteCallCodec codec, IOptions<ClusterOptions> options, ILogger<SiloListener> logger)
    {
        this.catalog = catalog;
        this.codec = codec;
        this.logger = logger;
        this.options = options.Value;
    }

    /// <summary>The bound port, known once started.</summary>
    public int Port { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var address = IPAddress.TryParse(options.AdvertisedHost, out var ip) ? ip : IPAddress.Any;
        listener = new TcpListener(address, options.SiloPort);
        listener.Start(backlog: 512);
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = Task.Run(() => AcceptAsync(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        listener?.Stop();
        if (accepting is not null)
        {
            await accepting;
        }

        SiloConnection[] open;
        lock (accepted)
        {
            open = [.. accepted];
        }

        foreach (var connection in open)
        {
            await connection.DisposeAsync();
        }
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var socket = await listener!.AcceptSocketAsync(cancellationToken);
                var connection = SiloConnection.Accept(socket, HandleAsync);
                lock (accepted)
                {
                    accepted.RemoveAll(c => c.IsClosed);
                    accepted.Add(connection);
                }
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException exception)
            {
                logger.LogWarning(exception, "Accepting a silo connection failed");
            }
        }
    }

    private async Task HandleAsync(SiloConnection connection, long id, byte[] body)
    {
        Invocation.GrainCall call;
        try
        {
            call = codec.DecodeRequest(body);
        }
        catch (Exception exception)
        {
            connection.Send(RemoteCallCodec.EncodeFailure(id, exception));
            return;
        }

        try
        {
            var result = await catalog.InvokeAsync(call);
            connection.Send(RemoteCallCodec.EncodeResponse(id, call.Method, result));
        }
        catch (Exception exception)
        {
            connection.Send(RemoteCallCodec.EncodeFailure(id, exception));
        }
    }
}
