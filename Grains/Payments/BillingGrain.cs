using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Organizations;
using Actors.Grains.Abstractions.Payments;
using Orleans;
using Orleans.Runtime;

namespace Actors.Grains.Payments;

/// <summary>
/// The organization's subscription as Stripe reports it. Stripe's events come in any order and more
/// than once, so each method acts on facts, not on sequence: an invoice paid before its subscription
/// was recorded still activates it, and nothing brings an ended subscription back.
/// </summary>
[GrainType("billing")]
internal sealed class BillingGrain(
    [PersistentState("billing")] IPersistentState<BillingState> billing) : Grain, IBillingGrain
{
    // Enough to show recent trouble; Stripe keeps the full history.
    private const int KeptInvoiceRecords = 50;

    private BillingState State => billing.State;

    private string Org => this.GetPrimaryKeyString();

    private IOrganizationGrain Organization => GrainFactory.GetGrain<IOrganizationGrain>(Org);

    public Task<BillingView> Get() => Task.FromResult(View());

    public async Task<BillingView> CustomerCreated(string customerId)
    {
        Require(customerId, "customerId");
        if (State.CustomerId is null)
        {
            State.CustomerId = customerId;
            await billing.WriteStateAsync();
        }

        return View();
    }

    public async Task<BillingView> SubscriptionStarted(SubscriptionFacts subscription)
    {
        Require(subscription.Id, "subscription.id");
        if (State.Ended.Contains(subscription.Id) || (State.Current?.Id == subscription.Id && (!subscription.Paid || State.Current.Status != SubscriptionStatus.Incomplete)))
        {
            return View();
        }

        if (subscription.Paid)
        {
            await Organization.ChangePlan(subscription.Plan);
        }

        Track(subscription.Id, subscription.Plan, subscription.Paid ? SubscriptionStatus.Active : SubscriptionStatus.Incomplete);
        await billing.WriteStateAsync();
        return View();
    }

    public async Task<BillingView> InvoicePaid(InvoiceFacts invoice)
    {
        Require(invoice.InvoiceId, "invoice.id");
        Require(invoice.SubscriptionId, "invoice.subscription");
        if (State.Ended.Contains(invoice.SubscriptionId) || State.PaidInvoices.Contains(invoice.InvoiceId))
        {
            return View();
        }

        var plan = State.Current?.Id == invoice.SubscriptionId ? State.Current.Plan : invoice.Plan;
        if (plan is not { } paidFor)
        {
            // Neither recorded nor named in its metadata: not a subscription this platform made.
            return View();
        }

        // The plan first: if it fails nothing is recorded, and Stripe's next delivery tries again.
        await Organization.ChangePlan(paidFor);
        Track(invoice.SubscriptionId, paidFor, SubscriptionStatus.Active);
        Remember(State.PaidInvoices, invoice.InvoiceId);
        await billing.WriteStateAsync();
        return View();
    }

    public async Task<BillingView> InvoiceFailed(InvoiceFailure failure)
    {
        Require(failure.InvoiceId, "invoice.id");
        if (State.InvoiceFailures.Any(f => f.EventId == failure.EventId))
        {
            return View();
        }

        State.InvoiceFailures.Add(failure);
        if (State.InvoiceFailures.Count > KeptInvoiceRecords)
        {
            State.InvoiceFailures.RemoveAt(0);
        }

        if (State.Current is { Status: SubscriptionStatus.Active } current && current.Id == failure.SubscriptionId)
        {
            // The plan stays: Stripe retries the invoice, and ends the subscription if it never gets paid.
            State.Current = current with { Status = SubscriptionStatus.PastDue };
        }

        await billing.WriteStateAsync();
        return View();
    }

    public async Task<BillingView> SubscriptionEnded(string subscriptionId)
    {
        Require(subscriptionId, "subscriptionId");
        if (State.Ended.Contains(subscriptionId))
        {
            return View();
        }

        if (State.Current?.Id == subscriptionId)
        {
            // Limits apply from now on: existing properties stay, new ones beyond the free plan are refused.
            await Organization.ChangePlan(Plan.Free);
            State.Current = State.Current with { Status = SubscriptionStatus.Ended };
        }

        State.Ended.Add(subscriptionId);
        if (!State.Seen.Contains(subscriptionId))
        {
            State.Seen.Add(subscriptionId);
        }

        await billing.WriteStateAsync();
        return View();
    }

    private static void Require(string? value, string field)
    {
        var errors = new FieldErrors();
        errors.Required(value, field);
        errors.ThrowIfAny();
    }

    private static void Remember(List<string> list, string value)
    {
        list.Add(value);
        if (list.Count > KeptInvoiceRecords)
        {
            list.RemoveAt(0);
        }
    }

    private void Track(string subscriptionId, Plan plan, SubscriptionStatus status)
    {
        State.Current = new SubscriptionView(subscriptionId, plan, status);
        if (!State.Seen.Contains(subscriptionId))
        {
            State.Seen.Add(subscriptionId);
        }
    }

    private BillingView View() => new(Org, State.CustomerId, State.Current, State.Seen.Count, [.. State.InvoiceFailures]);
}
