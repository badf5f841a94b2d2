namespace Actors.Api.Payments;

/// <summary>The secret key of one Stripe account, named by the account it opens. Never printed whole.</summary>
public sealed record StripeKey(string Account, string SecretKey)
{
    public override string ToString() => $"StripeKey {{ Account = {Account}, SecretKey = ...{SecretKey[^Math.Min(4, SecretKey.Length)..]} }}";
}
