// Process-kill tests measure failover times and every class starts silos: on a small machine, classes
// running side by side would measure each other. Each class stays well under a minute instead.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
