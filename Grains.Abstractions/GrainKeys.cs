namespace Actors.Grains.Abstractions;

/// <summary>Grain keys always start with the organization, so no grain is reachable without it.</summary>
public static class GrainKeys
{
    public static string Property(string org, string property) => $"{org}/{property}";

    public static string Room(string org, string property, string room) => $"{org}/{property}/{room}";

    public static string Booking(string org, string booking) => $"{org}/{booking}";

    public static string Visit(string org, string property, string visit) => $"{org}/{property}/{visit}";

    /// <summary>The parts of a key, in the order they were joined.</summary>
    public static string[] Split(string key) => key.Split('/');
}
