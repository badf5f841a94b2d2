using System.Diagnostics.CodeAnalysis;

namespace Actors.Api.Auth;

/// <summary>URL-safe base64 without padding, as tokens travel in headers and query strings.</summary>
internal static class Base64Url
{
    public static string Encode(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    public static bool TryDecode(string text, [NotNullWhen(true)] out byte[]? bytes)
    {
        try
        {
            bytes = System.Buffers.Text.Base64Url.DecodeFromChars(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = null;
            return false;
        }
    }
}
