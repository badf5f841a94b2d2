using Actors.Silo.Health;
using Actors.Silo.Hosting;
using Actors.Silo.Operations;
using Actors.Silo.Telemetry;

// A grains-only silo: no public API, just the health endpoints that probes and load balancers use, the operators' dead letters, and the metrics.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.AddBookingSilo();
builder.AddBookingTelemetry();
builder.Services.AddOperatorAccess();
var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealthEndpoints();
app.MapDeadLetters();
app.MapMetrics();
await app.RunAsync();
