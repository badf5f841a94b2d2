using Actors.Runtime.Activation;
using Actors.Runtime.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Runtime.Cluster;

/// <summary>
/// This silo's place in the cluster: it joins the membership table, heartbeats, declares silent
/// silos dead, keeps the current view, and leaves on shutdown. A silo that finds itself declared
/// dead stops, so a partitioned process cannot keep serving grains the others have moved.
/// </summary>
internal sealed class ClusterMembership(
    MembershipTable table,
    SiloListener listener,
    Catalog catalog,
    IOptions<ClusterOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<ClusterMembership> logger) : IHostedService, IClusterStatus, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Task? loop;
    private MembershipView view = MembershipView.Empty;

    public event Action<MembershipView>? ViewChanged;

    public SiloAddress Self { get; private set; } = new("unjoined", "", 0);

    public bool HostsGrains => options.Value.HostsGrains;

    public MembershipView View => Volatile.Read(ref view);

    public int GrainHostingSilos => View.Silos.Length;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        Self = new SiloAddress(
            $"{settings.AdvertisedHost}:{listener.Port}@{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}",
            settings.AdvertisedHost,
            listener.Port);
        await table.JoinAsync(Self, settings.HostsGrains, cancellationToken);
        await RefreshAsync(cancellationToken);
        logger.LogInformation("Silo {Silo} joined a cluster of {Count} grain-hosting silos", Self, View.Silos.Length);
        loop = Task.Run(() => RunAsync(stopping.Token), CancellationToken.None);
    }

    /// <summary>
    /// Leaves gracefully: marked 'leaving', the others stop placing grains here at their next
    /// refresh; then this silo's grains deactivate (persisting) while it still answers calls in
    /// flight; only then is it 'left' and its listener closed.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        if (loop is not null)
        {
            await loop.WaitAsync(cancellationToken);
        }

        try
        {
            await table.SetStatusAsync(Self, "leaving", cancellationToken);
            if (HostsGrains && View.Silos.Length > 1)
            {
                await Task.Delay(options.Value.RefreshPeriod, cancellationToken);
            }

            await catalog.DeactivateAllAsync(DeactivationReason.ShuttingDown).WaitAsync(cancellationToken);
            await table.SetStatusAsync(Self, "left", cancellationToken);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Silo {Silo} could not leave gracefully; the others will declare it dead", Self);
        }
    }

    public void Dispose() => stopping.Dispose();

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var ticker = new PeriodicTimer(settings.HeartbeatPeriod);
        try
        {
            while (await ticker.WaitForNextTickAsync(cancellationToken))
            {
                await RoundAsync(settings, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task RoundAsync(ClusterOptions settings, CancellationToken cancellationToken)
    {
            try
            {
                if (!await table.HeartbeatAsync(Self, cancellationToken))
                {
                    logger.LogCritical("Silo {Silo} was declared dead by the cluster; stopping so its grains live only elsewhere", Self);
                    lifetime.StopApplication();
                    return;
                }

                var declared = await table.DeclareSilentDeadAsync(Self, settings.DeathTimeout, cancellationToken);
                await table.ForgetDepartedAsync(settings.DepartedRetention, cancellationToken);
                if (declared > 0)
                {
                    logger.LogWarning("Declared {Count} silent silo(s) dead", declared);
                }

                await RefreshAsync(cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Membership round failed; trying again");
            }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var current = await table.ReadAsync(cancellationToken);
        if (current.Version == View.Version && current.Silos.SequenceEqual(View.Silos))
        {
            return;
        }

        Volatile.Write(ref view, current);
        logger.LogInformation("Membership version {Version}: {Silos}", current.Version, string.Join(", ", current.Silos));
        ViewChanged?.Invoke(current);
    }
}
