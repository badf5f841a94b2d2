using System.Security.Cryptography;
using System.Text;

namespace Actors.Api.Auth;

/// <summary>The token signing key of this process: the configured one, or a random one where that is allowed.</summary>
public sealed class SigningKey
{
    public const int MinLength = 32;

    private SigningKey(byte[] bytes, bool isRandom)
    {
        Bytes = bytes;
        IsRandom = isRandom;
    }

    public byte[] Bytes { get; }

    /// <summary>True when no key was configured: tokens then die with the process and no other node accepts them.</summary>
    public bool IsRandom { get; }

    public static SigningKey From(string? configured, bool randomAllowed)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return configured.Length >= MinLength
                ? new SigningKey(Encoding.UTF8.GetBytes(configured), isRandom: false)
                : throw new InvalidOperationException($"Auth:SigningKey must be at least {MinLength} characters (use e.g. 'openssl rand -base64 48').");
        }

        return randomAllowed
            ? new SigningKey(RandomNumberGenerator.GetBytes(32), isRandom: true)
            : throw new InvalidOperationException(
                "Auth:SigningKey is required with persistent storage outside Development: every node must sign and check tokens with the same key. " +
                "Set Auth__SigningKey to a random secret of at least 32 characters (e.g. 'openssl rand -base64 48').");
    }
}
