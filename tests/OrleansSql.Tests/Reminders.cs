using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;

namespace Actors.OrleansSql.Tests;

/// <summary>
/// Orleans' ADO.NET reminder table (internal to its package) resolved from a silo host configured
/// with UseAdoNetReminderService, and initialized as the reminder service would, without starting the silo.
/// </summary>
public sealed class Reminders : IAsyncDisposable
{
    private readonly IHost host;

    private Reminders(IHost host, IReminderTable table)
    {
        this.host = host;
        Table = table;
    }

    public IReminderTable Table { get; }

    public static async Task<Reminders> StartAsync(string connectionString, string serviceId)
    {
        var host = SiloHost.Build(connectionString, $"cluster-{Guid.NewGuid():N}", serviceId);
        var table = host.Services.GetRequiredService<IReminderTable>();
        await table.StartAsync(CancellationToken.None);
        return new Reminders(host, table);
    }

    public ValueTask DisposeAsync()
    {
        host.Dispose();
        return ValueTask.CompletedTask;
    }
}
