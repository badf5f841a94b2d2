using System.Reflection;
using Actors.Grains.Users;
using Actors.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Grains;

/// <summary>Names the assembly of the booking grains, so a silo can host them.</summary>
public static class BookingGrains
{
    public static Assembly Assembly => typeof(BookingGrains).Assembly;

    /// <summary>Hosts the booking grains (and their stays table) with options from the "Bookings" section.</summary>
    public static SiloBuilder AddBookingGrains(this SiloBuilder silo)
    {
        silo.AddGrains(Assembly);
        silo.Services.AddOptions<BookingOptions>()
            .BindConfiguration(BookingOptions.Section)
            .Validate(o => o.HoldTimeout >= TimeSpan.FromSeconds(1) && o.HoldTimeout <= TimeSpan.FromDays(7), "Bookings:HoldTimeout must be from 1 second to 7 days.")
            .Validate(o => o.RoomHoldGrace >= TimeSpan.Zero && o.RoomHoldGrace <= TimeSpan.FromHours(1), "Bookings:RoomHoldGrace must be from 0 to 1 hour.")
            .ValidateOnStart();
        silo.AddAccounts();
        return silo;
    }
}
