using Actors.Silo;
using Actors.Silo.Health;

// A grains-only silo: no public API, just the health endpoints that probes and load balancers use.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Services.AddBookingSilo(builder.Configuration);
var app = builder.Build();
app.MapHealthEndpoints();
await app.RunAsync();
