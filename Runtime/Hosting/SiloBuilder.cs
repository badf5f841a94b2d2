using System.Reflection;
using Actors.Runtime.Activation;
using Actors.Runtime.Cluster;
using Actors.Runtime.Invocation;
using Actors.Runtime.Transport;
using Actors.Runtime.Persistence;
using Actors.Runtime.Persistence.Memory;
using Actors.Runtime.Persistence.Postgres;
using Actors.Runtime.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Actors.Runtime;

/// <summary>Configures a silo: which grains it hosts and where their state lives.</summary>
public sealed class SiloBuilder(IServiceCollection services, GrainTypeRegistry types)
{
    public IServiceCollection Services { get; } = services;

    /// <summary>Hosts every grain class of the assembly, and applies its embedded schema scripts when storage is PostgreSQL.</summary>
    public SiloBuilder AddGrains(Assembly assembly)
    {
        types.AddAssembly(assembly);
        foreach (var script in SchemaScript.FromAssembly(assembly))
        {
            Services.AddSingleton(script);
        }

        return this;
    }

    /// <summary>State, events and reminders in this process only: nothing survives a restart.</summary>
    public SiloBuilder UseInMemoryStorage()
    {
        Services.RemoveAll<IGrainStorage>();
        Services.RemoveAll<IEventLog>();
        Services.RemoveAll<IReminderTable>();
        Services.AddSingleton<MemoryGrainStorage>();
        Services.AddSingleton<IGrainStorage>(sp => sp.GetRequiredService<MemoryGrainStorage>());
        Services.AddSingleton<IEventLog>(sp => sp.GetRequiredService<MemoryGrainStorage>());
        Services.AddSingleton<IReminderTable, MemoryReminderTable>();
        return this;
    }

    /// <summary>
    /// Joins the cluster recorded in PostgreSQL (call after UsePostgres): membership with heartbeats,
    /// rendezvous placement over the live silos, and calls to other silos over persistent connections.
    /// Options bind from the "Cluster" section.
    /// </summary>
    public SiloBuilder UseClustering()
    {
        Services.AddSingleton<MembershipTable>();
        Services.AddSingleton<GrainMethodDirectory>();
        Services.AddSingleton<RemoteCallCodec>();
        Services.AddSingleton<SiloConnections>();
        Services.AddSingleton<SiloListener>();
        Services.AddSingleton<ClusterMembership>();
        Services.AddSingleton<IClusterStatus>(sp => sp.GetRequiredService<ClusterMembership>());
        Services.AddSingleton<RendezvousPlacement>();
        Services.RemoveAll<IGrainOwnership>();
        Services.RemoveAll<IGrainCallRouter>();
        Services.AddSingleton<IGrainOwnership>(sp => sp.GetRequiredService<RendezvousPlacement>());
        Services.AddSingleton<IGrainCallRouter, ClusterCallRouter>();
        // Started in this order: the listener's port goes into the membership row.
        Services.AddHostedService(sp => sp.GetRequiredService<SiloListener>());
        Services.AddHostedService(sp => sp.GetRequiredService<ClusterMembership>());
        Services.AddHostedService<OwnershipRebalancer>();
        return this;
    }

    /// <summary>State, events and reminders in PostgreSQL; the schema is migrated at startup.</summary>
    public SiloBuilder UsePostgres(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        Services.RemoveAll<IGrainStorage>();
        Services.RemoveAll<IEventLog>();
        Services.RemoveAll<IReminderTable>();
        Services.TryAddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        Services.AddSingleton<PostgresGrainStorage>();
        Services.AddSingleton<IGrainStorage>(sp => sp.GetRequiredService<PostgresGrainStorage>());
        Services.AddSingleton<IEventLog>(sp => sp.GetRequiredService<PostgresGrainStorage>());
        Services.AddSingleton<IReminderTable, PostgresReminderTable>();
        Services.AddSingleton<SchemaMigrator>();
        Services.AddHostedService<PostgresEventListener>();
        return this;
    }
}
