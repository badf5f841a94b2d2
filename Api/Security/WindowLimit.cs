namespace Actors.Api.Security;

/// <summary>At most <see cref="PermitLimit"/> requests per client in each <see cref="Window"/>.</summary>
public sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}
