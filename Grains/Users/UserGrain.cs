using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Users;
using Orleans;
using Orleans.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Users;

/// <summary>
/// One account. Sign-ins for it run one at a time here, so parallel guesses are counted exactly
/// and the lockout cannot be raced past.
/// </summary>
[GrainType("user")]
internal sealed class UserGrain(
    [PersistentState("user")] IPersistentState<UserState> user,
    TimeProvider time,
    IOptions<AccountOptions> options,
    ILogger<UserGrain> logger) : Grain, IUserGrain
{
    private const string WrongCredentials = "Wrong email or password.";

    // Failures against an email without an account are counted in memory only, so probing
    // unknown emails writes nothing yet still ends in the same lockout answer as a real account.
    private int unknownFailures;
    private DateTimeOffset? unknownLockedUntil;

    private UserState State => user.State;

    private string Email => this.GetPrimaryKeyString();

    private bool Exists => State.PasswordHash is not null;

    public async Task<UserView> Register(NewAccount account)
    {
        if (Exists)
        {
            throw new ConflictException("An account with this email already exists; sign in instead.");
        }

        var errors = new FieldErrors();
        errors.Email(Email, "email");
        errors.Text(account.Name, "name");
        Passwords.Check(account.Password, errors);
        errors.ThrowIfAny();
        State.Name = account.Name;
        State.PasswordHash = PasswordHash.Create(account.Password, options.Value.PasswordIterations);
        await user.WriteStateAsync();
        return View();
    }

    public async Task<UserView> SignIn(string password)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        if (!Exists)
        {
            PasswordHash.Waste(password ?? "", settings.PasswordIterations);
            EnsureNotLocked(unknownLockedUntil, now);
            if (++unknownFailures >= settings.MaxFailedSignIns)
            {
                (unknownFailures, unknownLockedUntil) = (0, now + settings.LockoutDuration);
            }

            throw new SignInFailedException(WrongCredentials);
        }

        EnsureNotLocked(State.LockedUntil, now);
        if (!PasswordHash.Verify(password ?? "", State.PasswordHash!, settings.PasswordIterations, out var outdated))
        {
            State.FailedSignIns++;
            if (State.FailedSignIns >= settings.MaxFailedSignIns)
            {
                State.FailedSignIns = 0;
                State.LockedUntil = now + settings.LockoutDuration;
                logger.LogWarning("Account {Email} locked until {LockedUntil} after {Failures} failed sign-ins", Email, State.LockedUntil, settings.MaxFailedSignIns);
            }

            await user.WriteStateAsync();
            throw new SignInFailedException(WrongCredentials);
        }

        if (State.FailedSignIns > 0 || State.LockedUntil is not null || outdated)
        {
            State.FailedSignIns = 0;
            State.LockedUntil = null;
            if (outdated)
            {
                State.PasswordHash = PasswordHash.Create(password!, settings.PasswordIterations);
            }

            await user.WriteStateAsync();
        }

        return View();
    }

    public async Task ResetPassword(string newPassword)
    {
        if (!Exists)
        {
            throw new NotFoundException("No such account.");
        }

        var errors = new FieldErrors();
        Passwords.Check(newPassword, errors);
        errors.ThrowIfAny();
        State.PasswordHash = PasswordHash.Create(newPassword, options.Value.PasswordIterations);
        // Whoever proved they read the mailbox is the owner: the guesses that locked the account were not.
        State.FailedSignIns = 0;
        State.LockedUntil = null;
        (unknownFailures, unknownLockedUntil) = (0, null);
        // A new password ends every session: whoever signed in with the old one is signed out everywhere.
        State.SessionStamp = null;
        await user.WriteStateAsync();
        logger.LogInformation("Account {Email} set a new password through a reset link", Email);
    }

    public Task<UserView> Get() => Exists ? Task.FromResult(View()) : throw new NotFoundException("No such account.");

    public async Task<string> SessionStamp()
    {
        if (!Exists)
        {
            throw new NotFoundException("No such account.");
        }

        if (State.SessionStamp is null)
        {
            State.SessionStamp = NewStamp();
            await user.WriteStateAsync();
        }

        return State.SessionStamp;
    }

    public Task<bool> IsCurrentSession(string stamp) =>
        Task.FromResult(Exists && State.SessionStamp is { } current && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(current), Encoding.UTF8.GetBytes(stamp ?? "")));

    public async Task EndAllSessions()
    {
        if (State.SessionStamp is not null)
        {
            State.SessionStamp = null;
            await user.WriteStateAsync();
            logger.LogInformation("Account {Email} signed out everywhere", Email);
        }
    }

    public async Task Joined(string organization, Role role)
    {
        if (State.Memberships.TryGetValue(organization, out var before) && before == role)
        {
            return;
        }

        // A new role is signed in to afresh, so no page or client goes on with what the old one showed it.
        if (State.Memberships.ContainsKey(organization))
        {
            State.SessionStamp = null;
        }

        State.Memberships[organization] = role;
        await user.WriteStateAsync();
    }

    public async Task Left(string organization)
    {
        if (State.Memberships.Remove(organization))
        {
            State.SessionStamp = null;
            await user.WriteStateAsync();
        }
    }

    private static void EnsureNotLocked(DateTimeOffset? lockedUntil, DateTimeOffset now)
    {
        if (lockedUntil is { } until && until > now)
        {
            var minutes = (int)Math.Ceiling((until - now).TotalMinutes);
            throw new LockedOutException(
                string.Create(CultureInfo.InvariantCulture, $"Too many failed sign-ins: this account is locked for {minutes} more minute(s), until {until:yyyy-MM-dd HH:mm} UTC. Every password is refused until then."),
                until);
        }
    }

    // Null means no session is good: the next sign-in makes a new stamp.
    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private UserView View() => new(Email, State.Name, new Dictionary<string, Role>(State.Memberships, StringComparer.Ordinal));
}
