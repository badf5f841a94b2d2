using Orleans;

namespace Actors.Grains.Abstractions.Failures;

/// <summary>Too many failed sign-ins in a row: the account refuses every password until <see cref="LockedUntil"/>.</summary>
[GenerateSerializer, Alias("LockedOutException")]
public sealed class LockedOutException(string message, DateTimeOffset lockedUntil) : DomainException("locked-out", message)
{
    [Id(0)]
    public DateTimeOffset LockedUntil { get; } = lockedUntil;
}
