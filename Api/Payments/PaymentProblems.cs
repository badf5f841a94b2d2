using Actors.Api.Payments.Stripe;
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
            title: "The payment failed",
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
            statusCode: StatusCodes.Status400BadRequest,
            title: "The webhook signature is not valid",
            type: ProblemTypes.For("webhook-signature"));

    public static IResult TooLarge(int limit) =>
        TypedResults.Problem(
            detail: $"The body is larger than {limit} bytes.",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Too large",
            type: ProblemTypes.For("too-large"));
}
