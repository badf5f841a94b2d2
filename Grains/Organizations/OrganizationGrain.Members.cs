using System.Security.Cryptography;
using System.Text;
using Actors.Grains.Abstractions.Events;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Organizations;

/// <summary>
/// Members, roles and invitations. The organization is the authority on who belongs; each
/// account's own list follows it (TellUsers), so a lost call there never grants or keeps access.
/// </summary>
internal sealed partial class OrganizationGrain
{
    private const int MaxOpenInvitations = 100;

    private TimeProvider Clock => ServiceProvider.GetRequiredService<TimeProvider>();

    public Task<Role?> RoleOf(string email) =>
        Task.FromResult(State.Exists && State.Members.TryGetValue(Emails.Normalize(email), out var member) ? member.Role : (Role?)null);

    public Task<IReadOnlyList<MemberView>> Members()
    {
        EnsureExists();
        return Task.FromResult<IReadOnlyList<MemberView>>([.. State.Members.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => Member(m.Key, m.Value))]);
    }

    public async Task<MemberView> AddMember(string email, Role role)
    {
        EnsureExists();
        var key = CheckMember(email, role);
        if (State.Members.ContainsKey(key))
        {
            throw new ConflictException($"'{key}' is already a member.");
        }

        TakeIn(key, role);
        await organization.WriteStateAsync();
        await TellUsers();
        return Member(key, State.Members[key]);
    }

    public async Task<MemberView> ChangeRole(string email, Role role)
    {
        EnsureExists();
        var key = CheckMember(email, role);
        var member = State.Members.GetValueOrDefault(key) ?? throw new NotFoundException($"'{key}' is not a member.");
        if (member.Role == role)
        {
            return Member(key, member);
        }

        EnsureAnotherOwner(key, member);
        organization.RaiseEvent(Stream, new MemberRoleChanged(Id, key, member.Role, role));
        member.Role = role;
        State.UsersToTell.Add(key);
        await organization.WriteStateAsync();
        await TellUsers();
        return Member(key, member);
    }

    public async Task RemoveMember(string email)
    {
        EnsureExists();
        var key = Emails.Normalize(email);
        var member = State.Members.GetValueOrDefault(key) ?? throw new NotFoundException($"'{key}' is not a member.");
        EnsureAnotherOwner(key, member);
        State.Members.Remove(key);
        State.UsersToTell.Add(key);
        organization.RaiseEvent(Stream, new MemberRemoved(Id, key));
        await organization.WriteStateAsync();
        await TellUsers();
    }

    public async Task<Invitation> Invite(NewInvitation invitation)
    {
        EnsureExists();
        var email = CheckMember(invitation.Email, invitation.Role);
        if (State.Members.ContainsKey(email))
        {
            throw new ConflictException($"'{email}' is already a member.");
        }

        var now = Clock.GetUtcNow();
        State.Invitations.RemoveAll(i => i.ExpiresAt <= now);
        if (State.Invitations.Count >= MaxOpenInvitations)
        {
            throw new ConflictException($"At most {MaxOpenInvitations} invitations can be open at once.");
        }

        // 32 random bytes: the token is the only credential of whoever holds the invitation.
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var expiresAt = now + invitation.ValidFor;
        State.Invitations.Add(new InvitationState { SecretHash = Hash(secret), Email = email, Role = invitation.Role, ExpiresAt = expiresAt });
        organization.RaiseEvent(Stream, new MemberInvited(Id, email, invitation.Role, invitation.InvitedBy, expiresAt));
        await organization.WriteStateAsync();
        return new Invitation(Id, email, invitation.Role, expiresAt, $"{Id}.{secret}");
    }

    public Task<IReadOnlyList<Invitation>> Invitations()
    {
        EnsureExists();
        var now = Clock.GetUtcNow();
        return Task.FromResult<IReadOnlyList<Invitation>>(
            [.. State.Invitations.Where(i => i.ExpiresAt > now).OrderBy(i => i.ExpiresAt).Select(i => new Invitation(Id, i.Email, i.Role, i.ExpiresAt))]);
    }

    public Task<Invitation> FindInvitation(string secret)
    {
        var open = OpenInvitation(secret);
        return Task.FromResult(new Invitation(Id, open.Email, open.Role, open.ExpiresAt));
    }

    public async Task<MemberView> AcceptInvitation(string secret)
    {
        var open = OpenInvitation(secret);
        State.Invitations.Remove(open);
        if (State.Members.TryGetValue(open.Email, out var existing))
        {
            // Already in (say, by a second invitation): the invitation is used up, the role stays.
            await organization.WriteStateAsync();
            return Member(open.Email, existing);
        }

        TakeIn(open.Email, open.Role);
        await organization.WriteStateAsync();
        await TellUsers();
        return Member(open.Email, State.Members[open.Email]);
    }

    private void TakeIn(string email, Role role)
    {
        State.Members[email] = new MemberState { Role = role, Since = Clock.GetUtcNow() };
        State.UsersToTell.Add(email);
        organization.RaiseEvent(Stream, new MemberAdded(Id, email, role));
    }

    /// <summary>
    /// Brings each changed account's membership list in step, after the organization has committed.
    /// One that cannot be reached stays on the list and is retried with the next change here.
    /// </summary>
    private async Task TellUsers()
    {
        var told = new List<string>();
        foreach (var email in State.UsersToTell.Distinct(StringComparer.Ordinal).ToList())
        {
            try
            {
                var user = GrainFactory.GetGrain<IUserGrain>(email);
                await (State.Members.TryGetValue(email, out var member) ? user.Joined(Id, member.Role) : user.Left(Id));
                told.Add(email);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                ServiceProvider.GetRequiredService<ILogger<OrganizationGrain>>()
                    .LogWarning(exception, "Could not update the memberships of {Email} for {Organization}; retried with the next change", email, Id);
            }
        }

        if (told.Count > 0)
        {
            State.UsersToTell.RemoveAll(told.Contains);
            await organization.WriteStateAsync();
        }
    }

    private InvitationState OpenInvitation(string secret)
    {
        var hash = Hash(secret ?? "");
        var now = Clock.GetUtcNow();
        return State.Invitations.FirstOrDefault(i => i.ExpiresAt > now && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(i.SecretHash), Encoding.ASCII.GetBytes(hash)))
            ?? throw new NotFoundException("No open invitation for this token; it may have been used or expired.");
    }

    private static string CheckMember(string email, Role role)
    {
        var errors = new FieldErrors();
        errors.Email(email, "email");
        if (!Enum.IsDefined(role))
        {
            errors.Add("role", "Use Owner, Manager or Staff.");
        }

        errors.ThrowIfAny();
        return Emails.Normalize(email);
    }

    private void EnsureAnotherOwner(string email, MemberState member)
    {
        if (member.Role == Role.Owner && !State.Members.Any(m => m.Key != email && m.Value.Role == Role.Owner))
        {
            throw new ConflictException("An organization keeps at least one owner; make someone else owner first.");
        }
    }

    private static MemberView Member(string email, MemberState member) => new(email, member.Role, member.Since);

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
