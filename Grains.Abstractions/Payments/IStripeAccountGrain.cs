using Orleans;

namespace Actors.Grains.Abstractions.Payments;

/// <summary>An organization's own Stripe account (key: the organization's id), for guests' payments to go straight to it.</summary>
[Alias("IStripeAccountGrain")]
public interface IStripeAccountGrain : IGrainWithStringKey
{
    /// <summary>Returns the organization's keys, or null when its guests pay through the platform's account.</summary>
    Task<StripeAccountKeys?> Find();

    /// <summary>Uses these keys for the organization's guest payments and webhooks from now on.</summary>
    Task Connect(StripeAccountKeys keys);

    /// <summary>Goes back to the platform's account for new payments.</summary>
    Task Disconnect();
}
