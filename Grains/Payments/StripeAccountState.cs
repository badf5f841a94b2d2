using Actors.Grains.Abstractions.Payments;

namespace Actors.Grains.Payments;

internal sealed class StripeAccountState
{
    public StripeAccountKeys? Keys { get; set; }
}
