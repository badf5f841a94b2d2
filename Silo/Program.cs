using Actors.Silo.Health;
using Actors.Silo.Hosting;
using Actors.Silo.Operations;

// A grains-only silo: no public API, just the health endpoints that probes and load balancers use, and the operators' dead letters.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.AddBookingSilo();
var app = builder.Build();
app.MapHealthEndpoints();
app.MapDeadLetters();
await app.RunAsync();
