namespace Actors.Api.Operations;

/// <summary>
/// The "DataProtection" section. With PostgreSQL the key ring lives in the database, shared by every
/// node; a certificate (PFX) encrypts the keys at rest there, as the ASP.NET Core documentation
/// recommends for production. Older certificates still decrypt keys written before a rotation.
/// </summary>
public sealed class DataProtectionSettings
{
    public const string Section = "DataProtection";

    /// <summary>Nodes must agree on it to read each other's cookies; it isolates products sharing a key store.</summary>
    public string ApplicationName { get; set; } = "booking-platform";

    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Certificates that encrypted keys before the current one, to decrypt them only.</summary>
    public string[] PreviousCertificatePaths { get; set; } = [];
}
