using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Actors.Api.Tests;

/// <summary>
/// With PostgreSQL the data protection key ring lives in the database, so whatever one node
/// protects (a cookie, an antiforgery token) another node, or the same one restarted, can read.
/// </summary>
public sealed class DataProtectionTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task What_one_node_protected_is_read_by_the_next_from_the_key_ring_in_postgres()
    {
        var protectedText = Protector(api).Protect("a cookie's payload");
        var keys = await api.Database.ScalarAsync<long>("SELECT count(*) FROM data_protection_keys WHERE friendly_name LIKE 'key-%'");
        Assert.True(keys >= 1, "no key in data_protection_keys");

        await api.RestartAsync();

        Assert.Equal("a cookie's payload", Protector(api).Unprotect(protectedText));
        Assert.Equal(keys, await api.Database.ScalarAsync<long>("SELECT count(*) FROM data_protection_keys WHERE friendly_name LIKE 'key-%'"));
    }

    private static IDataProtector Protector(ApiFixture api) =>
        api.App.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("tests");
}

/// <summary>An app whose data protection keys are encrypted at rest with a certificate (a fresh self-signed PFX).</summary>
public sealed class CertificateKeysApi : ApiFixture, IDisposable
{
    private const string CertificatePassword = "pfx password for the tests";
    private readonly string certificatePath = Path.Combine(Path.GetTempPath(), $"data-protection-{Guid.NewGuid():N}.pfx");

    public CertificateKeysApi()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=booking platform data protection (tests)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllBytes(certificatePath, certificate.Export(X509ContentType.Pfx, CertificatePassword));
    }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["DataProtection:CertificatePath"] = certificatePath,
        ["DataProtection:CertificatePassword"] = CertificatePassword,
    };

    public void Dispose() => File.Delete(certificatePath);
}

/// <summary>With DataProtection:CertificatePath the keys in PostgreSQL are encrypted, and still read back after a restart.</summary>
public sealed class CertificateKeysTests(CertificateKeysApi api) : IClassFixture<CertificateKeysApi>
{
    [Fact]
    public async Task Keys_are_stored_encrypted_to_the_certificate_and_still_unprotect_after_a_restart()
    {
        var protectedText = api.App.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("tests").Protect("a cookie's payload");
        var stored = await api.Database.ScalarAsync<string>("SELECT string_agg(xml, '') FROM data_protection_keys WHERE friendly_name LIKE 'key-%'");
        Assert.Contains("encryptedSecret", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", stored, StringComparison.Ordinal);

        await api.RestartAsync();

        Assert.Equal("a cookie's payload", api.App.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("tests").Unprotect(protectedText));
    }
}
