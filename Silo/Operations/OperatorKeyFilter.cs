using System.Security.Cryptography;
using System.Text;

namespace Actors.Silo.Operations;

/// <summary>
/// Operator endpoints answer only to the key in "Operations:Key" (header X-Operator-Key). Without a
/// configured key they are off: an operator endpoint must never be open by default.
/// </summary>
internal sealed class OperatorKeyFilter(IConfiguration configuration) : IEndpointFilter
{
    public const string Header = "X-Operator-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = configuration["Operations:Key"];
        if (string.IsNullOrEmpty(expected))
        {
            return TypedResults.Problem(
                title: "Operator endpoints are off",
                detail: "Set Operations:Key (environment variable Operations__Key) on this node to use them.",
                statusCode: StatusCodes.Status403Forbidden,
                type: "https://bookings.example/problems/operations-off");
        }

        var given = context.HttpContext.Request.Headers[Header].ToString();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
        {
            return TypedResults.Problem(
                title: "Operator key missing or wrong",
                detail: $"Send the key configured in Operations:Key in the {Header} header.",
                statusCode: StatusCodes.Status401Unauthorized,
                type: "https://bookings.example/problems/operator-key");
        }

        return await next(context);
    }
}
