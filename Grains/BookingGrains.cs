using System.Reflection;

namespace Actors.Grains;

/// <summary>Names the assembly of the booking grains, so a silo can host them.</summary>
public static class BookingGrains
{
    public static Assembly Assembly => typeof(BookingGrains).Assembly;
}
