using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Actors.Api.Auth;

/// <summary>
/// Issues and checks sign-in tokens: "v1." + base64url(JSON {sub, iat, exp}) + "." + base64url(HMAC-SHA256).
/// Stateless, so any node holding the shared key accepts a token another node issued.
/// </summary>
public sealed class AccessTokens(SigningKey key, IOptions<AuthOptions> options, TimeProvider time)
{
    private const string Version = "v1";
    private const int MaxLength = 2048;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public SignedInToken Issue(string email)
    {
        var now = time.GetUtcNow();
        var expires = now + options.Value.TokenLifetime;
        var payload = JsonSerializer.SerializeToUtf8Bytes(new TokenPayload(email, now.ToUnixTimeSeconds(), expires.ToUnixTimeSeconds()), Json);
        var body = $"{Version}.{Base64Url.Encode(payload)}";
        return new SignedInToken($"{body}.{Base64Url.Encode(Sign(body))}", DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds()), email);
    }

    /// <summary>The email a valid, unexpired token was issued to; otherwise false with the reason.</summary>
    public bool TryRead(string token, [NotNullWhen(true)] out string? email, [NotNullWhen(false)] out string? problem)
    {
        email = null;
        var parts = token.Length <= MaxLength ? token.Split('.') : [];
        if (parts.Length != 3 || parts[0] != Version
            || !Base64Url.TryDecode(parts[2], out var signature)
            || !CryptographicOperations.FixedTimeEquals(signature, Sign($"{parts[0]}.{parts[1]}")))
        {
            problem = "The token is not one this service issued.";
            return false;
        }

        TokenPayload? payload;
        try
        {
            payload = Base64Url.TryDecode(parts[1], out var json) ? JsonSerializer.Deserialize<TokenPayload>(json, Json) : null;
        }
        catch (JsonException)
        {
            payload = null;
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (payload is not { Sub.Length: > 0 } || payload.Iat > now + (long)ClockSkew.TotalSeconds)
        {
            problem = "The token is not one this service issued.";
            return false;
        }

        if (payload.Exp <= now)
        {
            problem = "The token has expired; sign in again.";
            return false;
        }

        (email, problem) = (payload.Sub, null);
        return true;
    }

    private byte[] Sign(string body) => HMACSHA256.HashData(key.Bytes, Encoding.ASCII.GetBytes(body));

    private sealed record TokenPayload(string Sub, long Iat, long Exp);
}
