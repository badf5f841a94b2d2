using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Actors.OrleansSql.Tests;

/// <summary>
/// The Orleans configuration under test: ADO.NET clustering, reminders and grain storage on
/// PostgreSQL ("Npgsql" invariant), grain state serialized with System.Text.Json.
/// </summary>
public static class SiloHost
{
    public const string Invariant = "Npgsql";

    public const string StorageName = "orleans-sql";

    public static IHost Build(string connectionString, string clusterId, string serviceId, Action<AdoNetGrainStorageOptions>? storage = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = clusterId;
                options.ServiceId = serviceId;
            });
            silo.ConfigureEndpoints(IPAddress.Loopback, FreePort(), FreePort());
            silo.UseAdoNetClustering(options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = connectionString;
            });
            silo.UseAdoNetReminderService(options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = connectionString;
            });
            silo.AddAdoNetGrainStorage(StorageName, options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = connectionString;
                storage?.Invoke(options);
            });
            silo.UseSystemTextJsonGrainStorageSerializer();
        });
        return builder.Build();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
