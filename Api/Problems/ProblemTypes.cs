namespace Actors.Api.Problems;

/// <summary>The stable problem type URIs of the API; clients branch on these, so they never change.</summary>
public static class ProblemTypes
{
    public const string Base = "https://bookings.example/problems/";

    public static string For(string problem) => Base + problem;

    /// <summary>The HTTP status of each domain failure.</summary>
    public static int StatusOf(string problem) => problem switch
    {
        "validation" => StatusCodes.Status400BadRequest,
        "not-found" => StatusCodes.Status404NotFound,
        "plan-limit" => StatusCodes.Status403Forbidden,
        "idempotency-conflict" => StatusCodes.Status422UnprocessableEntity,
        "room-unavailable" or "room-not-ready" or "invalid-transition" or "conflict" => StatusCodes.Status409Conflict,
        "try-again" => StatusCodes.Status503ServiceUnavailable,
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
        _ => "Bad request",
    };
}
