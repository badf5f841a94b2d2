using Actors.Api.Audit;
using Actors.Api.Auth;
using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Organizations;
using Actors.Grains.Abstractions.Users;
using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Api.Members;

/// <summary>Accepting an invitation: whoever holds the one-time token joins as the invited email, with the invited role.</summary>
public static class InvitationsApi
{
    public static RouteGroupBuilder MapInvitationsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/invitations/{token}/accept", AcceptAsync)
            .WithTags("Members")
            .WithMetadata(RateLimitGroup.SignIn)
            .AllowAnonymous()
            .WithSummary("Accepts an invitation: opens the account (name, password) or checks an existing one's password, joins, and signs in.");
        return api;
    }

    private static async Task<Ok<SignedIn>> AcceptAsync(string token, AcceptInvitationRequest request, IGrainFactory grains, AccessTokens tokens, HttpContext context)
    {
        // "{org}.{secret}": the organization part only says where to look; the secret is the credential.
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !Slug.IsValid(token[..dot]))
        {
            throw new NotFoundException("No open invitation for this token; it may have been used or expired.");
        }

        var (org, secret) = (token[..dot], token[(dot + 1)..]);
        var organization = grains.GetGrain<IOrganizationGrain>(org);
        var invitation = await organization.FindInvitation(secret);
        var password = request.ValidatePassword();
        var user = grains.GetGrain<IUserGrain>(invitation.Email);
        try
        {
            await user.Register(new NewAccount(request.Name ?? "", password));
        }
        catch (ConflictException)
        {
            await AccountsApi.SignInOrExplain(user, password, context);
        }

        AuditScope.Set(context, org);
        await organization.AcceptInvitation(secret);
        var signedIn = tokens.Issue(invitation.Email, await user.SessionStamp());
        return TypedResults.Ok(new SignedIn(signedIn.Token, signedIn.ExpiresAt, await user.Get()));
    }
}
