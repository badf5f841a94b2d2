using System.Security.Claims;
using Actors.Api.Auth;
using Actors.Api.Mail;
using Actors.Api.Problems;
using Actors.Grains.Abstractions.Organizations;
using Actors.Grains.Abstractions.Users;
using Actors.Silo.Product;
using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Actors.Api.Members;

/// <summary>Members and invitations of an organization, for its owners (see AccessRules).</summary>
public static class MembersApi
{
    public static RouteGroupBuilder MapMembersApi(this RouteGroupBuilder orgs)
    {
        var members = orgs.MapGroup("/{org}").WithTags("Members");
        members.MapGet("/members", ListAsync).WithSummary("Lists the members and their roles.");
        members.MapPut("/members/{email}/role", ChangeRoleAsync).WithSummary("Changes a member's role; the last owner cannot step down.");
        members.MapDelete("/members/{email}", RemoveAsync).WithSummary("Removes a member; the last owner cannot be removed.");
        members.MapGet("/invitations", InvitationsAsync).WithSummary("Lists the invitations still open (without their tokens, which are shown only once).");
        members.MapPost("/invitations", InviteAsync)
            .WithSummary("Invites someone by email with a role; the answer holds the one-time token to send them (POST /api/invitations/{token}/accept).");
        return orgs;
    }

    private static async Task<Ok<IReadOnlyList<MemberView>>> ListAsync(string org, IGrainFactory grains)
    {
        PathIds.Check(org);
        return TypedResults.Ok(await grains.GetGrain<IOrganizationGrain>(org).Members());
    }

    private static async Task<Ok<MemberView>> ChangeRoleAsync(string org, string email, ChangeRoleRequest request, IGrainFactory grains)
    {
        PathIds.Check(org);
        return TypedResults.Ok(await grains.GetGrain<IOrganizationGrain>(org).ChangeRole(email, request.Validate()));
    }

    private static async Task<NoContent> RemoveAsync(string org, string email, IGrainFactory grains)
    {
        PathIds.Check(org);
        await grains.GetGrain<IOrganizationGrain>(org).RemoveMember(email);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<Invitation>>> InvitationsAsync(string org, IGrainFactory grains)
    {
        PathIds.Check(org);
        return TypedResults.Ok(await grains.GetGrain<IOrganizationGrain>(org).Invitations());
    }

    private static async Task<Created<Invitation>> InviteAsync(
        string org,
        InviteRequest request,
        ClaimsPrincipal principal,
        IGrainFactory grains,
        IOptions<AuthOptions> options,
        MailOutbox outbox,
        MailLinks links,
        IOptions<ProductOptions> product)
    {
        PathIds.Check(org);
        var (email, role) = request.Validate();
        var inviter = Claims.EmailOf(principal)!;
        var organization = grains.GetGrain<IOrganizationGrain>(org);
        // Read before inviting, so nothing can fail between the invitation and its mail.
        var organizationName = (await organization.Get()).Name;
        var inviterName = (await grains.GetGrain<IUserGrain>(inviter).Get()).Name;
        var invitation = await organization.Invite(new NewInvitation(email, role, inviter, options.Value.InvitationLifetime));
        // The token travels in the fragment: the join page reads it, and no server log or Referer sees it.
        var join = links.To($"/join#token={Uri.EscapeDataString(invitation.Token!)}");
        outbox.Send(InvitationLetter.Write(invitation, organizationName, $"{inviterName} ({inviter})", join, product.Value.Name));
        return TypedResults.Created($"/api/invitations/{invitation.Token}", invitation);
    }
}
