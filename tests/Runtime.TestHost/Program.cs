using Actors.Runtime;
using Actors.Runtime.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Writes a counter forever and says after each acknowledged write what it committed, so a test
// can kill this process at any moment and check that every acknowledged write survived.
var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSilo(builder.Configuration, silo => silo.UsePostgres(args[0]).AddGrains(typeof(CounterGrain).Assembly));
using var host = builder.Build();
await host.StartAsync();

var counter = host.Services.GetRequiredService<IGrainFactory>().GetGrain<ICounterGrain>(args[1]);
while (true)
{
    var committed = await counter.Increment();
    Console.WriteLine($"committed {committed}");
}
