using Actors.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddBookingPlatform();
var app = builder.Build();
app.MapBookingPlatform();
await app.RunAsync();
