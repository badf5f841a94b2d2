using System.Reflection;
using Actors.Grains.Payments;
using Actors.Grains.Rooms;
using Actors.Grains.Users;
using Actors.Grains.Webhooks;
using Actors.Persistence.Hosting;
using Actors.Persistence.State;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Actors.Grains;

/// <summary>Names the assembly of the booking grains, so a silo can host them.</summary>
public static class BookingGrains
{
    public static Assembly Assembly => typeof(BookingGrains).Assembly;

    /// <summary>The booking grains' options (from the "Bookings", "Billing", "Accounts" and "Webhooks" sections), their tables (the stays backstop, the figures' stays) and the webhooks' HTTP client.</summary>
    public static IServiceCollection AddBookingGrains(this IServiceCollection services)
    {
        services.AddSchemaScripts(Assembly);
        services.AddMetrics();
        services.AddSingleton<Bookings.BookingMetrics>();
        // The stays table lives where the outbox store keeps its enlisted rows.
        services.AddSingleton<IStaysTable>(sp => sp.GetRequiredService<IOutboxStore>() is MemoryOutboxStore memory
            ? new MemoryStaysTable(memory)
            : new PostgresStaysTable(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<Figures.IFiguresStaysTable>(sp => sp.GetRequiredService<IOutboxStore>() is MemoryOutboxStore memory
            ? new Figures.MemoryFiguresStaysTable(memory)
            : new Figures.PostgresFiguresStaysTable(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddOptions<BookingOptions>()
            .BindConfiguration(BookingOptions.Section)
            .Validate(o => o.HoldTimeout >= TimeSpan.FromSeconds(1) && o.HoldTimeout <= TimeSpan.FromDays(7), "Bookings:HoldTimeout must be from 1 second to 7 days.")
            .Validate(o => o.RoomHoldGrace >= TimeSpan.Zero && o.RoomHoldGrace <= TimeSpan.FromHours(1), "Bookings:RoomHoldGrace must be from 0 to 1 hour.")
            .ValidateOnStart();
        services.AddOptions<BillingOptions>()
            .BindConfiguration(BillingOptions.Section)
            .Validate(o => o.PastDueGrace >= TimeSpan.FromSeconds(1) && o.PastDueGrace <= TimeSpan.FromDays(60), "Billing:PastDueGrace must be from 1 second to 60 days.")
            .ValidateOnStart();
        services.AddOptions<Funnel.FunnelOptions>()
            .BindConfiguration(Funnel.FunnelOptions.Section)
            .Validate(o => o.VisitLifetime >= TimeSpan.FromSeconds(1) && o.VisitLifetime <= TimeSpan.FromDays(1), "Funnel:VisitLifetime must be from 1 second to 1 day.")
            .Validate(o => o.VisitRetention >= o.VisitLifetime && o.VisitRetention <= TimeSpan.FromDays(400), "Funnel:VisitRetention must be from Funnel:VisitLifetime to 400 days.")
            .Validate(o => o.RetentionSweep >= TimeSpan.FromSeconds(1) && o.RetentionSweep <= TimeSpan.FromDays(1), "Funnel:RetentionSweep must be from 1 second to 1 day.")
            .ValidateOnStart();
        services.AddAccounts();
        services.AddWebhooks();
        return services;
    }
}
