using System.Security.Cryptography.X509Certificates;
using Actors.Persistence.DataProtection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Npgsql;

namespace Actors.Api.Operations;

/// <summary>
/// Data protection (cookies, antiforgery tokens) that works behind a load balancer: with PostgreSQL
/// the key ring is the data_protection_keys table and the application name is fixed, so every node
/// uses the same keys; in memory the framework's defaults suffice, as nothing outlives the process.
/// </summary>
public static class SharedDataProtection
{
    public static WebApplicationBuilder AddSharedDataProtection(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(DataProtectionSettings.Section).Get<DataProtectionSettings>() ?? new DataProtectionSettings();
        var protection = builder.Services.AddDataProtection().SetApplicationName(settings.ApplicationName);
        if (string.IsNullOrEmpty(builder.Configuration.GetConnectionString("Postgres")))
        {
            return builder;
        }

        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<NpgsqlDataSource>((options, dataSource) => options.XmlRepository = new PostgresKeyRing(dataSource));
        if (settings.CertificatePath is { Length: > 0 } path)
        {
            var current = X509CertificateLoader.LoadPkcs12FromFile(path, settings.CertificatePassword);
            var previous = settings.PreviousCertificatePaths.Select(p => X509CertificateLoader.LoadPkcs12FromFile(p, settings.CertificatePassword));
            // On Linux the decryptor does not look in a certificate store, so the certificates are handed to it.
            protection.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate([current, .. previous]);
        }

        return builder;
    }

    /// <summary>Says once at startup that keys are stored unencrypted, and how to change that, instead of leaving the framework's bare warning to explain it.</summary>
    public static WebApplication ReportDataProtection(this WebApplication app)
    {
        var settings = app.Configuration.GetSection(DataProtectionSettings.Section).Get<DataProtectionSettings>() ?? new DataProtectionSettings();
        if (!string.IsNullOrEmpty(app.Configuration.GetConnectionString("Postgres")) && string.IsNullOrEmpty(settings.CertificatePath))
        {
            app.Logger.LogWarning(
                "Data protection keys are shared through the PostgreSQL table data_protection_keys without encryption at rest: " +
                "anyone who can read that table can forge cookies. Set DataProtection:CertificatePath (a PFX) and DataProtection:CertificatePassword to encrypt them.");
        }

        return app;
    }
}
