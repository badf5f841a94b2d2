namespace Actors.Api.Problems;

/// <summary>The stable problem type URIs of the API; clients branch on these, so they never change.</summary>
public static class ProblemTypes
{
    public const string Base = "https://bookings.example/problems/";

    public static string For(string problem) => Base + problem;

    /// <summary>
    /// Problems the framework writes by itself (no such route, wrong method, wrong content type)
    /// get one of our stable types instead of a link to the HTTP specification.
    /// </summary>
    public static void UseOurs(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Type is { } type && !type.StartsWith(Base, StringComparison.Ordinal))
        {
            context.ProblemDetails.Type = For(context.ProblemDetails.Status switch
            {
                StatusCodes.Status404NotFound => "not-found",
                StatusCodes.Status405MethodNotAllowed => "method-not-allowed",
                StatusCodes.Status413PayloadTooLarge => "too-large",
                StatusCodes.Status415UnsupportedMediaType => "unsupported-media-type",
                >= 500 => "server-error",
                _ => "validation",
            });
        }
    }

    /// <summary>The HTTP status of each domain failure.</summary>
    public static int StatusOf(string problem) => problem switch
    {
        "validation" => StatusCodes.Status400BadRequest,
        "not-found" => StatusCodes.Status404NotFound,
        "plan-limit" => StatusCodes.Status403Forbidden,
        "unauthorized" or "sign-in-failed" => StatusCodes.Status401Unauthorized,
        "forbidden" or "wrong-organization" or "antiforgery" => StatusCodes.Status403Forbidden,
        "locked-out" => StatusCodes.Status423Locked,
        "rate-limited" => StatusCodes.Status429TooManyRequests,
        "idempotency-conflict" => StatusCodes.Status422UnprocessableEntity,
        "room-unavailable" or "room-not-ready" or "invalid-transition" or "conflict" => StatusCodes.Status409Conflict,
        "try-again" or "connection-limit" => StatusCodes.Status503ServiceUnavailable,
        "too-large" => StatusCodes.Status413PayloadTooLarge,
        "link-gone" => StatusCodes.Status410Gone,
        "webhook-signature" => StatusCodes.Status400BadRequest,
        // A declined card; when Stripe refused us or could not be reached it is 502, said where it is raised.
        "payment-failed" => StatusCodes.Status402PaymentRequired,
        _ => StatusCodes.Status400BadRequest,
    };

    public static string TitleOf(string problem) => problem switch
    {
        "validation" => "The request is not valid",
        "not-found" => "Not found",
        "plan-limit" => "The plan's limit is reached",
        "idempotency-conflict" => "Idempotency-Key reused with a different request",
        "room-unavailable" => "The room is not available",
        "room-not-ready" => "The room is not ready",
        "invalid-transition" => "Not allowed in the booking's current state",
        "conflict" => "Conflict",
        "try-again" => "Busy; try again",
        "unauthorized" => "Sign in first",
        "sign-in-failed" => "Wrong email or password",
        "locked-out" => "The account is locked for a while",
        "forbidden" => "Not allowed for you here",
        "wrong-organization" => "The request names another organization",
        "antiforgery" => "The page's antiforgery token is missing or wrong",
        "rate-limited" => "Too many requests",
        "connection-limit" => "This node is at its board connection limit",
        "too-large" => "Too large",
        "link-gone" => "The link is unknown, used or expired",
        "payment-failed" => "The payment failed",
        "webhook-signature" => "The webhook signature is not valid",
        _ => "Bad request",
    };
}
