using Actors.Api.Mail;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Users;
using Actors.Silo.Product;
using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Actors.Api.Auth;

/// <summary>
/// A forgotten password: ask for a link by email, then set a new password with its token. The
/// request answers the same for every email, so it cannot tell who has an account.
/// </summary>
public static class PasswordResetApi
{
    private static readonly ResetRequested Requested = new("If an account has this email, a link to set a new password is on its way. It works once, for a short while.");

    public static RouteGroupBuilder MapPasswordResetApi(this RouteGroupBuilder api)
    {
        api.MapPost("/password-reset", RequestAsync)
            .WithMetadata(RateLimitGroup.SignIn)
            .AllowAnonymous()
            .WithSummary("Mails a one-time link that sets a new password; answers 202 the same whether or not the email has an account.");
        api.MapPost("/password-reset/confirm", ConfirmAsync)
            .WithMetadata(RateLimitGroup.SignIn)
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status410Gone)
            .WithSummary("Sets a new password with a reset link's token and lifts any lockout; the link then stops working (410 when unknown, used or expired).");
        return api;
    }

    private static async Task<Accepted<ResetRequested>> RequestAsync(
        PasswordResetRequest request, IGrainFactory grains, MailOutbox outbox, MailLinks links, IOptions<ProductOptions> product)
    {
        var email = request.Validate();
        UserView account;
        try
        {
            account = await grains.GetGrain<IUserGrain>(email).Get();
        }
        catch (NotFoundException)
        {
            return TypedResults.Accepted((string?)null, Requested);
        }

        var token = ResetToken.New();
        var expiresAt = await grains.GetGrain<IPasswordResetGrain>(ResetToken.KeyOf(token)).Open(email);
        // In the fragment: browsers send neither it in a Referer nor to the server, so no log holds the token.
        outbox.Send(PasswordResetLetter.Write(email, account.Name, links.To($"/reset-password#token={token}"), expiresAt, product.Value.Name));
        return TypedResults.Accepted((string?)null, Requested);
    }

    private static async Task<Ok<PasswordResetDone>> ConfirmAsync(NewPasswordRequest request, IGrainFactory grains)
    {
        var (token, password) = request.Validate();
        var email = await grains.GetGrain<IPasswordResetGrain>(ResetToken.KeyOf(token)).Redeem(password);
        return TypedResults.Ok(new PasswordResetDone(email));
    }
}
