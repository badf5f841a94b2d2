using Orleans.Configuration;

namespace Actors.Silo.Hosting;

/// <summary>
/// Failure detection tuned so a killed silo's grains answer again on a survivor within 10 seconds
/// (Orleans' defaults take 15-17 s: 5 s probes, 3 misses). Overridable from "Cluster:Membership".
/// </summary>
internal static class FailureDetection
{
    public static void Tuned(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.NumMissedProbesLimit = 3;
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
        options.TableRefreshTimeout = TimeSpan.FromSeconds(2);
    }
}
