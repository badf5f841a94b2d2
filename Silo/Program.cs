using Actors.Silo.Health;
using Actors.Silo.Hosting;

// A grains-only silo: no public API, just the health endpoints that probes and load balancers use.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.AddBookingSilo();
var app = builder.Build();
app.MapHealthEndpoints();
await app.RunAsync();
