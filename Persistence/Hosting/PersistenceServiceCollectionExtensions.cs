using System.Reflection;
using Actors.Persistence.EventLog;
using Actors.Persistence.Schema;
using Actors.Persistence.State;
using Actors.Persistence.Streams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Runtime;

namespace Actors.Persistence.Hosting;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// The outbox store, the event log with its stream positions and dead letters: in PostgreSQL when a
    /// connection string is given (the schema, Orleans' tables included, is migrated before any other
    /// service starts), else in this process only. Stream options bind from the "EventLog" section.
    /// </summary>
    public static IServiceCollection AddEventLog(this IServiceCollection services, IConfiguration configuration, string? connectionString)
    {
        services.AddOptions<EventLogOptions>().Bind(configuration.GetSection("EventLog"));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EventLogSignal>();
        services.AddSchemaScripts(typeof(PersistenceServiceCollectionExtensions).Assembly);
        if (connectionString is null)
        {
            services.AddSingleton<MemoryOutboxStore>();
            services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<MemoryOutboxStore>());
            services.AddSingleton<IEventLog>(sp => sp.GetRequiredService<MemoryOutboxStore>());
            services.AddSingleton<IStreamPositions, MemoryStreamPositions>();
            services.AddSingleton<IDeadLetters, MemoryDeadLetters>();
            return services;
        }

        services.TryAddSingleton(_ => BuildDataSource(connectionString));
        services.AddSingleton<PostgresOutboxStore>();
        services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<PostgresOutboxStore>());
        services.AddSingleton<IEventLog>(sp => sp.GetRequiredService<PostgresOutboxStore>());
        services.AddSingleton<IStreamPositions, PostgresStreamPositions>();
        services.AddSingleton<IDeadLetters, PostgresDeadLetters>();
        services.AddSingleton<SchemaMigrator>();
        services.AddHostedService<PostgresEventListener>();
        // First of all hosted services: Orleans' providers read their queries from the schema when the silo starts.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, SchemaMigration>());
        return services;
    }

    /// <summary>Applies the assembly's embedded "sql/PostgreSQL-NNN-Purpose.sql" scripts when storage is PostgreSQL.</summary>
    public static IServiceCollection AddSchemaScripts(this IServiceCollection services, Assembly assembly)
    {
        foreach (var script in SchemaScript.FromAssembly(assembly))
        {
            services.AddSingleton(script);
        }

        return services;
    }

    // Every hold runs the same few statements: prepared once per connection, PostgreSQL stops parsing
    // and planning them on each call. A connection string that sets Max Auto Prepare keeps its own.
    private static NpgsqlDataSource BuildDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
        }

        return builder.Build();
    }

    /// <summary>Lets grains take <c>[OutboxState("name")] IOutboxState&lt;T&gt;</c> constructor parameters.</summary>
    public static IServiceCollection AddOutboxState(this IServiceCollection services) =>
        services.AddSingleton<IAttributeToFactoryMapper<OutboxStateAttribute>, OutboxStateMapper>();
}
