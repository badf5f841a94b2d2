using Actors.Persistence.EventLog;
using Actors.Persistence.Streams;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Actors.Persistence.Hosting;

public static class EventLogStreamsExtensions
{
    /// <summary>
    /// The event log as Orleans' persistent stream provider "events" (<see cref="EventLogOptions.StreamProvider"/>):
    /// the silos share its queues, implicitly subscribed grains and explicit subscribers receive every
    /// committed event at least once, per stream in order. Needs <c>AddEventLog</c> and a "PubSubStore"
    /// grain storage for explicit subscriptions.
    /// </summary>
    public static ISiloBuilder AddEventLogStreams(this ISiloBuilder silo) =>
        silo.AddPersistentStreams(EventLogOptions.StreamProvider, EventLogAdapterFactory.Create, streams =>
        {
            streams.Configure<StreamPullingAgentOptions>(options => options.Configure(agent =>
            {
                // The receiver answers from memory unless a NOTIFY woke it, so a short period costs little and keeps boards live.
                agent.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(20);
            }));
        });

    /// <summary>Lets a client node (Cluster:HostsGrains=false) subscribe to the "events" streams.</summary>
    public static IClientBuilder AddEventLogStreams(this IClientBuilder client) =>
        client.AddPersistentStreams(EventLogOptions.StreamProvider, EventLogAdapterFactory.Create, _ => { });
}
