using System.Globalization;
using System.Security.Claims;
using Actors.Api.Audit;
using Actors.Api.Mail;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Organizations;
using Actors.Grains.Abstractions.Users;
using Actors.Silo.Product;
using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Actors.Api.Auth;

/// <summary>Accounts: open an organization with its owner, sign in, and see one's own memberships.</summary>
public static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/signup", SignUpAsync)
            .WithMetadata(RateLimitGroup.SignIn)
            .AllowAnonymous()
            .WithSummary("Opens an organization with its owner's account (or an existing account, given its password) and signs in.");
        api.MapPost("/sign-in", SignInAsync)
            .WithMetadata(RateLimitGroup.SignIn)
            .AllowAnonymous()
            .WithSummary("Signs in with email and password; send the token back as 'Authorization: Bearer {token}'. Locks the account for a while after repeated failures.");
        api.MapGet("/me", MeAsync)
            .RequireAuthorization()
            .WithSummary("The signed-in account and the organizations it belongs to.");
        return api;
    }

    private static async Task<Created<SignedIn>> SignUpAsync(
        SignUpRequest request, IGrainFactory grains, AccessTokens tokens, HttpContext context, MailOutbox outbox, MailLinks links, IOptions<ProductOptions> product)
    {
        request.Validate();
        var email = Emails.Normalize(request.Email!);
        var organization = grains.GetGrain<IOrganizationGrain>(request.OrganizationId!);
        // Checked first so a taken id does not leave a fresh account behind; Create still decides.
        if (await Exists(organization))
        {
            throw new ConflictException($"Organization '{request.OrganizationId}' already exists.");
        }

        var user = grains.GetGrain<IUserGrain>(email);
        try
        {
            await user.Register(new NewAccount(request.Name!, request.Password!));
        }
        catch (ConflictException)
        {
            // An existing account may open another organization, but only with its own password.
            await SignInOrExplain(user, request.Password!, context);
        }

        AuditScope.Set(context, request.OrganizationId!);
        await organization.Create(new CreateOrganization(request.OrganizationName!, request.Plan ?? Plan.Free, email));
        var token = tokens.Issue(email, await user.SessionStamp());
        var account = await user.Get();
        outbox.Send(WelcomeLetter.Write(email, account.Name, request.OrganizationName!, links.To($"/board?org={request.OrganizationId}"), product.Value.Name));
        return TypedResults.Created($"/api/orgs/{request.OrganizationId}", new SignedIn(token.Token, token.ExpiresAt, account));
    }

    private static async Task<Ok<SignedIn>> SignInAsync(SignInRequest request, IGrainFactory grains, AccessTokens tokens, HttpContext context)
    {
        var (email, password) = request.Validate();
        var key = Emails.Normalize(email);
        var user = grains.GetGrain<IUserGrain>(key);
        var account = await SignInOrExplain(user, password, context);
        var token = tokens.Issue(key, await user.SessionStamp());
        return TypedResults.Ok(new SignedIn(token.Token, token.ExpiresAt, account));
    }

    private static async Task<Ok<UserView>> MeAsync(ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IUserGrain>(Claims.EmailOf(principal)!).Get());

    /// <summary>Signs in, adding Retry-After to a lockout so clients know when to come back.</summary>
    internal static async Task<UserView> SignInOrExplain(IUserGrain user, string password, HttpContext context)
    {
        try
        {
            return await user.SignIn(password);
        }
        catch (LockedOutException locked)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling((locked.LockedUntil - DateTimeOffset.UtcNow).TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            throw;
        }
    }

    private static async Task<bool> Exists(IOrganizationGrain organization)
    {
        try
        {
            await organization.Get();
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
