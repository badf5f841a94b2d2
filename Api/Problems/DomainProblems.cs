using System.Text.Json;
using Actors.Grains.Abstractions.Failures;

namespace Actors.Api.Problems;

/// <summary>The one place where failures become RFC 7807 problem details.</summary>
public static class DomainProblems
{
    public static IResult From(DomainException exception) => exception switch
    {
        DomainValidationException invalid => Validation(invalid.Errors),
        _ => TypedResults.Problem(
            detail: exception.Message,
            statusCode: ProblemTypes.StatusOf(exception.Problem),
            title: ProblemTypes.TitleOf(exception.Problem),
            type: ProblemTypes.For(exception.Problem)),
    };

    public static IResult Validation(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(
            errors,
            title: ProblemTypes.TitleOf("validation"),
            type: ProblemTypes.For("validation"));

    /// <summary>Transient runtime failures: the caller may retry, and nothing was half-written.</summary>
    public static IResult TryAgain(Exception exception) =>
        TypedResults.Problem(
            detail: TransientFailure.Describe(exception),
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: ProblemTypes.TitleOf("try-again"),
            type: ProblemTypes.For("try-again"));

    /// <summary>
    /// A body the server could not read (malformed JSON, a wrong type, no body): 400 naming the field
    /// from the JSON path, e.g. "$.checkIn" becomes "checkIn".
    /// </summary>
    public static IResult From(BadHttpRequestException exception)
    {
        if (exception.StatusCode != StatusCodes.Status400BadRequest)
        {
            return TypedResults.Problem(detail: exception.Message, statusCode: exception.StatusCode);
        }

        var field = exception.InnerException is JsonException { Path: { Length: > 1 } path } ? path.TrimStart('$').TrimStart('.') : "body";
        var message = exception.InnerException is JsonException ? "Not readable as the expected type or not valid JSON." : exception.Message;
        return Validation(new Dictionary<string, string[]> { [field] = [message] });
    }
}
