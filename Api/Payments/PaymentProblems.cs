using Actors.Api.Problems;

namespace Actors.Api.Payments;

/// <summary>Payment failures as problem details, with stable types beside the domain's.</summary>
public static class PaymentProblems
{
    /// <summary>payment-failed: 402 when the card was declined, 502 when Stripe refused us or could not be reached; "code" is Stripe's.</summary>
    public static IResult From(PaymentFailedException exception) =>
        TypedResults.Problem(
            detail: exception.Message,
            statusCode: exception.StatusCode,
            title: ProblemTypes.TitleOf("payment-failed"),
            type: ProblemTypes.For("payment-failed"),
            extensions: new Dictionary<string, object?>
            {
                ["code"] = exception.Code,
                ["declineCode"] = exception.DeclineCode,
                ["paymentIntent"] = exception.PaymentIntentId,
            });

    /// <summary>webhook-signature: 400, the delivery was not acted on.</summary>
    public static IResult From(WebhookSignatureException exception) =>
        TypedResults.Problem(
            detail: exception.Message,
            statusCode: ProblemTypes.StatusOf("webhook-signature"),
            title: ProblemTypes.TitleOf("webhook-signature"),
            type: ProblemTypes.For("webhook-signature"));

    public static IResult TooLarge(int limit) =>
        TypedResults.Problem(
            detail: $"The body is larger than {limit} bytes.",
            statusCode: ProblemTypes.StatusOf("too-large"),
            title: ProblemTypes.TitleOf("too-large"),
            type: ProblemTypes.For("too-large"));
}
