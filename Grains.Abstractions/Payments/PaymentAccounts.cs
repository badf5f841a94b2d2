namespace Actors.Grains.Abstractions.Payments;

/// <summary>
/// Names of the Stripe accounts money can live in: the platform's own, or an organization's when it
/// brings its own. Neither form can be mistaken for the other, since slugs never contain ':'.
/// </summary>
public static class PaymentAccounts
{
    public const string Platform = "platform";

    private const string OrganizationPrefix = "org:";

    public static string Of(string org) => OrganizationPrefix + org;

    /// <summary>The organization whose own account this is, or null for the platform's.</summary>
    public static string? OrganizationOf(string account) =>
        account.StartsWith(OrganizationPrefix, StringComparison.Ordinal) ? account[OrganizationPrefix.Length..] : null;
}
