using Actors.Persistence.TestHost;
using Actors.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;

// A silo process for tests that kill one: the production host (AddBookingSilo: ADO.NET clustering,
// tuned failure detection, storage and reminders on ConnectionStrings__Postgres) plus the test grains.
//   silo         runs until killed; prints "ready <pid>" once it has joined the cluster
//   write <key>  also writes the counter and the ledger <key> forever, printing "committed N" after both
// Configuration comes from the environment only (ConnectionStrings__Postgres, Cluster__..., Silo__...).
var builder = Host.CreateApplicationBuilder();
builder.AddBookingSilo();
builder.Services.AddSingleton(new Probe());
using var host = builder.Build();
await host.StartAsync();
Console.WriteLine($"ready {Environment.ProcessId}");

if (args is ["write", var key, ..])
{
    var grains = host.Services.GetRequiredService<IGrainFactory>();
    var counter = grains.GetGrain<ICounterGrain>(key);
    var ledger = grains.GetGrain<ILedgerGrain>(key);
    for (var n = 1; ; n++)
    {
        await counter.Set(n);
        await ledger.Post(n, events: 1);
        Console.WriteLine($"committed {n}");
    }
}

await host.WaitForShutdownAsync();
