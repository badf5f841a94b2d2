using System.Net;
using Actors.Grains;
using Actors.Persistence.Hosting;
using Actors.Silo.Operations;
using Actors.Silo.Product;
using Actors.Silo.StartupTasks;
using Actors.Silo.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;
using Orleans.Serialization;

namespace Actors.Silo.Hosting;

public static class BookingSiloExtensions
{
    private const string Npgsql = "Npgsql";
    private const string PubSubStore = "PubSubStore";

    /// <summary>
    /// Hosts the booking grains on Orleans, or joins their cluster as a client when "Cluster:HostsGrains"
    /// is false. With a "Postgres" connection string everything persists in PostgreSQL and the node
    /// joins the cluster recorded there; without one a single silo runs on memory, says so at
    /// startup, and seeds a demo property.
    /// </summary>
    public static IHostApplicationBuilder AddBookingSilo(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var connectionString = configuration.GetConnectionString("Postgres") is { Length: > 0 } configured ? configured : null;
        var cluster = configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
        var dashboard = DashboardSettings.From(configuration);
        // Grain calls become spans of the request that made them only when traces go somewhere: the filter costs on every call.
        var traced = TelemetrySettings.From(configuration).OtlpCollector(configuration) is not null;

        builder.Services.AddEventLog(configuration, connectionString).AddBookingGrains();
        if (cluster.HostsGrains)
        {
            builder.UseOrleans(silo =>
            {
                silo.UseBookingCluster(cluster, connectionString, configuration);
                if (traced)
                {
                    silo.AddActivityPropagation();
                }

                if (dashboard.Enabled)
                {
                    silo.AddDashboard(o => (o.HideTrace, o.CounterUpdateIntervalMs) = (!dashboard.ShowLogStream, dashboard.CounterUpdateIntervalMs));
                }
            });
        }
        else
        {
            if (connectionString is null)
            {
                throw new InvalidOperationException("Cluster:HostsGrains=false needs ConnectionStrings:Postgres: a client finds the silos in the membership table there.");
            }

            builder.UseOrleansClient(client =>
            {
                client
                    .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId))
                    .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = CallTimeout(configuration))
                    .UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (Npgsql, connectionString))
                    .AddEventLogStreams();
                if (traced)
                {
                    client.AddActivityPropagation();
                }

                if (dashboard.Enabled)
                {
                    // A client node serves the dashboard from the silos' figures, which they keep when it is enabled there too.
                    client.AddDashboard(o => (o.HideTrace, o.CounterUpdateIntervalMs) = (!dashboard.ShowLogStream, dashboard.CounterUpdateIntervalMs));
                }
            });
        }

        builder.Services.AddOptions<ProductOptions>()
            .Bind(configuration.GetSection("Product"))
            .PostConfigure(product => product.UnitKinds = product.UnitKinds.Count == 0 ? ProductOptions.DefaultUnitKinds : product.UnitKinds);
        builder.Services.AddHostedService<PersistenceNotice>();
        builder.Services.AddHostedService<SeedDemoPropertyTask>();
        return builder;
    }

    /// <summary>
    /// What every silo of the booking grains needs besides clustering: the outbox state facet, the
    /// default grain storage (System.Text.Json) and reminders, in PostgreSQL or in memory, the event
    /// log's stream provider, and the tuned timeouts. Test clusters call it too, with Orleans' own test clustering.
    /// </summary>
    public static ISiloBuilder AddBookingStorage(this ISiloBuilder silo, string? connectionString, IConfiguration configuration)
    {
        silo.Services.AddOutboxState();
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = CallTimeout(configuration));
        silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = configuration.GetValue("Silo:IdleTimeout", o.CollectionAge));
        silo.AddEventLogStreams();
        if (connectionString is null)
        {
            return silo
                .AddMemoryGrainStorageAsDefault()
                .AddMemoryGrainStorage(PubSubStore, options => options.Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansStateInJson(serializer)))
                .UseInMemoryReminderService();
        }

        // Explicit stream subscriptions (board nodes) outlive the silo that holds their rendezvous grain.
        return silo
            .UseAdoNetReminderService(o => (o.Invariant, o.ConnectionString) = (Npgsql, connectionString))
            .AddAdoNetGrainStorageAsDefault(o => (o.Invariant, o.ConnectionString) = (Npgsql, connectionString))
            .AddAdoNetGrainStorage(PubSubStore, options => options.Configure<Serializer>((o, serializer) =>
            {
                (o.Invariant, o.ConnectionString) = (Npgsql, connectionString);
                o.GrainStorageSerializer = new OrleansStateInJson(serializer);
            }));
    }

    private static ISiloBuilder UseBookingCluster(this ISiloBuilder silo, ClusterSettings cluster, string? connectionString, IConfiguration configuration)
    {
        silo.AddBookingStorage(connectionString, configuration);
        silo.Configure<ClusterMembershipOptions>(FailureDetection.Tuned);
        silo.Services.Configure<ClusterMembershipOptions>(configuration.GetSection("Cluster:Membership"));
        var siloPort = FreePort.Or(cluster.SiloPort);
        var gatewayPort = FreePort.Or(cluster.GatewayPort);
        if (connectionString is null)
        {
            return silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
        }

        return silo
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId))
            .ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedHost), siloPort, gatewayPort, listenOnAnyHostAddress: true)
            .UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (Npgsql, connectionString));
    }

    private static TimeSpan CallTimeout(IConfiguration configuration) => configuration.GetValue("Silo:CallTimeout", TimeSpan.FromSeconds(30));
}
