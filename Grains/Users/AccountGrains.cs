using Microsoft.Extensions.DependencyInjection;

namespace Actors.Grains.Users;

public static class AccountGrains
{
    /// <summary>Options of the user grains, from the "Accounts" section, checked at startup.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddOptions<AccountOptions>()
            .BindConfiguration(AccountOptions.Section)
            .Validate(o => o.PasswordIterations is >= 1_000 and <= 10_000_000, "Accounts:PasswordIterations must be from 1000 to 10000000.")
            .Validate(o => o.MaxFailedSignIns is >= 1 and <= 100, "Accounts:MaxFailedSignIns must be from 1 to 100.")
            .Validate(o => o.LockoutDuration >= TimeSpan.FromSeconds(1) && o.LockoutDuration <= TimeSpan.FromDays(1), "Accounts:LockoutDuration must be from 1 second to 1 day.")
            .Validate(o => o.ResetLinkLifetime >= TimeSpan.FromSeconds(1) && o.ResetLinkLifetime <= TimeSpan.FromDays(1), "Accounts:ResetLinkLifetime must be from 1 second to 1 day.")
            .ValidateOnStart();
        return services;
    }
}
