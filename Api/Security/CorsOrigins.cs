namespace Actors.Api.Security;

/// <summary>Which other sites' pages may call the API from a browser, bound from the "Cors" section; none by default.</summary>
public sealed class CorsOrigins
{
    public const string Section = "Cors";

    /// <summary>Exact origins such as "https://book.example.com"; tokens travel in a header, so no cookies are ever allowed.</summary>
    public string[] Origins { get; set; } = [];
}
