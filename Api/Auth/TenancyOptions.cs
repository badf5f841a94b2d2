namespace Actors.Api.Auth;

/// <summary>How a request names its organization besides the path, bound from the "Tenancy" section.</summary>
public sealed class TenancyOptions
{
    public const string Section = "Tenancy";

    public const string Header = "X-Organization";

    /// <summary>
    /// The host organizations are subdomains of, e.g. "bookings.example" makes "acme.bookings.example"
    /// organization "acme". Unset: subdomains name no organization.
    /// </summary>
    public string? BaseHost { get; set; }

    /// <summary>Subdomains of the base host that are the site itself, not an organization.</summary>
    public string[] ReservedSubdomains { get; set; } = ["www", "api", "app"];
}
