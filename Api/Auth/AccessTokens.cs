using System.Security.Claims;
using Actors.Silo.Product;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Actors.Api.Auth;

/// <summary>
/// Issues the bearer tokens of API clients: standard JWTs (HS256 with the shared key, issued by and
/// for this product), so any node holding the key accepts a token another node issued and a token
/// of one product is never good on another. The session claim lets the account revoke them all.
/// </summary>
public sealed class AccessTokens(SigningKey key, IOptions<AuthOptions> options, IOptions<ProductOptions> product, TimeProvider time)
{
    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };

    public SecurityKey Key { get; } = new SymmetricSecurityKey(key.Bytes);

    /// <summary>Both issuer and audience: the product's name, so products side by side never take each other's tokens.</summary>
    public string Audience => product.Value.Name;

    public SignedInToken Issue(string email, string stamp)
    {
        var now = time.GetUtcNow();
        var expires = DateTimeOffset.FromUnixTimeSeconds((now + options.Value.TokenLifetime).ToUnixTimeSeconds());
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Audience,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity([new Claim(Claims.Account, email), new Claim(Claims.Session, stamp)]),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
        return new SignedInToken(token, expires, email);
    }

    /// <summary>What a token must be to be taken: signed with the key, by and for this product, unexpired.</summary>
    public TokenValidationParameters ValidationParameters() => new()
    {
        IssuerSigningKey = Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ValidIssuer = Audience,
        ValidAudience = Audience,
        ClockSkew = TimeSpan.FromMinutes(1),
        NameClaimType = Claims.Account,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
    };
}
