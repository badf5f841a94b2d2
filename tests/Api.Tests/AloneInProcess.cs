using Xunit;

namespace Actors.Api.Tests;

/// <summary>
/// Tests that read the process's metrics run with no other test class at the same time. OpenTelemetry
/// listens to meters by name in the whole process, so it also sees the instruments of other test
/// hosts; when one of those hosts stops, its disposed meters end the metric streams they shared with
/// ours, and this host's series (requests, bookings) vanish from its scrapes. In production there is
/// one host per process.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneInProcess
{
    public const string Name = "alone in the process";
}
