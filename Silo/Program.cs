using Actors.Silo;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddBookingSilo(builder.Configuration);
await builder.Build().RunAsync();
