namespace Actors.Grains.Abstractions.Failures;

/// <summary>Too many failed sign-ins in a row: the account refuses every password until <see cref="LockedUntil"/>.</summary>
public sealed class LockedOutException(string message, DateTimeOffset lockedUntil) : DomainException("locked-out", message)
{
    public DateTimeOffset LockedUntil { get; } = lockedUntil;
}
