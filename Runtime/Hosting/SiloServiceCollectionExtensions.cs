using Actors.Runtime.Activation;
using Actors.Runtime.Invocation;
using Actors.Runtime.Persistence;
using Actors.Runtime.Persistence.Postgres;
using Actors.Runtime.Reminders;
using Actors.Runtime.Streams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Actors.Runtime;

public static class SiloServiceCollectionExtensions
{
    /// <summary>
    /// Adds a silo to the host: the catalog of activations, grain references, reminders and streams.
    /// Options bind from the "Silo" and "Reminders" sections; storage defaults to memory.
    /// </summary>
    public static IServiceCollection AddSilo(this IServiceCollection services, IConfiguration configuration, Action<SiloBuilder> configure)
    {
        var types = new GrainTypeRegistry();
        services.AddSingleton(types);
        services.AddOptions<SiloOptions>().Bind(configuration.GetSection("Silo"));
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection("Reminders"));
        services.AddOptions<EventLogOptions>().Bind(configuration.GetSection("EventLog"));
        services.AddOptions<ClusterOptions>().Bind(configuration.GetSection("Cluster"));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SiloOptions>>().Value);
        services.TryAddSingleton(TimeProvider.System);
        foreach (var script in SchemaScript.FromAssembly(typeof(SiloServiceCollectionExtensions).Assembly))
        {
            services.AddSingleton(script);
        }

        services.AddSingleton<Catalog>();
        services.AddSingleton<GrainRuntime>();
        services.TryAddSingleton<IGrainOwnership, SingleSiloOwnership>();
        services.TryAddSingleton<IGrainCallRouter, LocalCallRouter>();
        services.AddSingleton<IGrainFactory, GrainFactory>();
        services.AddSingleton<IStreamProvider, InProcessStreamProvider>();
        services.AddSingleton<EventLogSignal>();
        services.AddSingleton<EventLogTailer>();
        services.AddSingleton<ReminderRegistry>();

        var builder = new SiloBuilder(services, types);
        builder.UseInMemoryStorage();
        configure(builder);

        // Registered first so the schema exists before anything else starts, and grains deactivate last.
        services.Insert(0, ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, SiloLifecycle>());
        services.AddHostedService<IdleCollector>();
        services.AddHostedService<ReminderService>();
        services.AddHostedService(sp => sp.GetRequiredService<EventLogTailer>());
        return services;
    }
}
