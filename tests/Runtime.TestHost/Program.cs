using Actors.Runtime;
using Actors.Runtime.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// A real process for tests that kill one:
//   <connection string> write <key>  writes a counter forever, printing each acknowledged value;
//   <connection string> silo         runs a clustered silo hosting the test grains until killed.
var (connectionString, mode) = (args[0], args[1]);
var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Cluster:HeartbeatPeriod"] = "00:00:00.250",
    ["Cluster:DeathTimeout"] = "00:00:02",
    ["Silo:CallTimeout"] = "00:00:05",
});
builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton(new Probe());
builder.Services.AddSilo(builder.Configuration, silo =>
{
    silo.UsePostgres(connectionString).AddGrains(typeof(CounterGrain).Assembly);
    if (mode == "silo")
    {
        silo.UseClustering();
    }
});
using var host = builder.Build();
await host.StartAsync();

if (mode == "silo")
{
    Console.WriteLine("ready");
    await host.WaitForShutdownAsync();
    return;
}

var counter = host.Services.GetRequiredService<IGrainFactory>().GetGrain<ICounterGrain>(args[2]);
while (true)
{
    var committed = await counter.Increment();
    Console.WriteLine($"committed {committed}");
}
