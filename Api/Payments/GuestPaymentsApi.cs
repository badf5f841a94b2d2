using Actors.Api.Problems;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Payments;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Actors.Api.Payments;

/// <summary>A booking's payment: start (or resume) it, read it, and cancel the booking with a refund.</summary>
public static class GuestPaymentsApi
{
    public static RouteGroupBuilder MapGuestPaymentsApi(this RouteGroupBuilder orgs)
    {
        var payment = orgs.MapGroup("/{org}/bookings/{booking}/payment").WithTags("Payments");
        payment.MapPost("/", StartAsync)
            .WithSummary("Starts paying for a held booking: one PaymentIntent per booking, its client secret for Stripe.js; with a payment method, confirms it at once.")
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status502BadGateway);
        payment.MapGet("/", GetAsync).WithSummary("Returns the booking's payment: attempts that failed, refunds made and owed.");
        payment.MapPost("/cancel", CancelAsync)
            .WithSummary("Cancels the booking under its policy and refunds what was paid minus the cancellation fee; safe to retry.")
            .ProducesProblem(StatusCodes.Status502BadGateway);
        return orgs;
    }

    private static async Task<Ok<GuestPayment>> StartAsync(
        string org,
        string booking,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] StartPaymentRequest? request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        GuestPayments payments,
        CancellationToken cancellationToken)
    {
        PathIds.Check(org, booking);
        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > 255 || idempotencyKey.Any(c => c is < '!' or > '~')))
        {
            throw new DomainValidationException("Idempotency-Key", "Use 1 to 255 visible ASCII characters.");
        }

        var paymentMethod = request?.ToPaymentMethod();
        return TypedResults.Ok(await payments.StartAsync(org, booking, paymentMethod, idempotencyKey, cancellationToken));
    }

    private static async Task<Ok<PaymentView>> GetAsync(string org, string booking, GuestPayments payments)
    {
        PathIds.Check(org, booking);
        return TypedResults.Ok(await payments.GetAsync(org, booking));
    }

    private static async Task<Ok<PaymentCancellation>> CancelAsync(string org, string booking, GuestPayments payments, CancellationToken cancellationToken)
    {
        PathIds.Check(org, booking);
        return TypedResults.Ok(await payments.CancelAsync(org, booking, cancellationToken));
    }
}
