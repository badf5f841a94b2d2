using Actors.Runtime.Reminders;
using Actors.Runtime.Streams;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Activation;

/// <summary>What an activation needs from its silo.</summary>
internal sealed class GrainRuntime(
    IServiceProvider services,
    IGrainFactory grainFactory,
    ReminderRegistry reminders,
    IStreamProvider streams,
    SiloOptions options,
    ILogger<GrainRuntime> logger)
{
    public IServiceProvider Services { get; } = services;

    public IGrainFactory GrainFactory { get; } = grainFactory;

    public ReminderRegistry Reminders { get; } = reminders;

    public IStreamProvider Streams { get; } = streams;

    public SiloOptions Options { get; } = options;

    public ILogger Logger { get; } = logger;
}
