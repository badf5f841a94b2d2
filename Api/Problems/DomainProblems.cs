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
    /// A request the server could not bind (malformed JSON, a wrong type, no body, a query value of the
    /// wrong type): 400 naming the field, e.g. "$.checkIn" becomes "checkIn", in our words, since the
    /// framework's ("Implicit body inferred for parameter...") speak of C# parameters, not of the API.
    /// </summary>
    public static IResult From(BadHttpRequestException exception)
    {
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem(
                detail: "The request body is larger than this endpoint takes.",
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: ProblemTypes.TitleOf("too-large"),
                type: ProblemTypes.For("too-large"));
        }

        var (field, message) = UnreadableField.Of(exception);
        return exception.StatusCode == StatusCodes.Status400BadRequest
            ? Validation(new Dictionary<string, string[]> { [field] = [message] })
            : TypedResults.Problem(detail: message, statusCode: exception.StatusCode);
    }
}
