using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Organizations;
using Actors.Grains.Abstractions.Payments;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;

namespace Actors.Grains.Payments;

/// <summary>
/// The organization's subscription as Stripe reports it. Stripe's events come in any order and more
/// than once, so each method acts on facts, not on sequence: an invoice paid before its subscription
/// was recorded still activates it, and nothing brings an ended subscription back. The plan applies
/// while the subscription is trialing, active, or past due within the grace; otherwise the free plan's
/// limits do, and the organization keeps everything it already has.
/// </summary>
[GrainType("billing")]
internal sealed class BillingGrain(
    [PersistentState("billing")] IPersistentState<BillingState> billing,
    IOptions<BillingOptions> options,
    TimeProvider time) : Grain, IBillingGrain, IRemindable
{
    // Enough to show recent trouble; Stripe keeps the full history.
    private const int KeptInvoiceRecords = 50;

    private const string GraceEnd = "past-due-grace";

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

        var status = !subscription.Paid ? SubscriptionStatus.Incomplete : subscription.TrialEnd is null ? SubscriptionStatus.Active : SubscriptionStatus.Trialing;
        Track(new SubscriptionView(subscription.Id, subscription.Plan, status, subscription.TrialEnd));
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

        var current = State.Current?.Id == invoice.SubscriptionId ? State.Current : null;
        var plan = current?.Plan ?? invoice.Plan;
        if (plan is not { } paidFor)
        {
            // Neither recorded nor named in its metadata: not a subscription this platform made.
            return View();
        }

        // The plan first: if it fails nothing is recorded, and Stripe's next delivery tries again.
        await Organization.ChangePlan(paidFor);

        // A trial's first invoice is for nothing and paid at once; the trial goes on. Money paid ends it.
        var status = current?.Status == SubscriptionStatus.Trialing && invoice.ForNothing ? SubscriptionStatus.Trialing : SubscriptionStatus.Active;
        Track(new SubscriptionView(invoice.SubscriptionId, paidFor, status, current?.TrialEnd));
        Remember(State.PaidInvoices, invoice.InvoiceId);
        await billing.WriteStateAsync();
        await ForgetGraceEnd();
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

        var graceStarts = false;
        if (State.Current is { Status: SubscriptionStatus.Active or SubscriptionStatus.Trialing } current && current.Id == failure.SubscriptionId)
        {
            // The plan stays while Stripe retries the invoice, for the grace period at most.
            State.Current = current with { Status = SubscriptionStatus.PastDue, GraceEnds = time.GetUtcNow() + options.Value.PastDueGrace };
            graceStarts = true;
        }

        await billing.WriteStateAsync();
        if (graceStarts)
        {
            await RemindAtGraceEnd();
        }

        return View();
    }

    public async Task<BillingView> SubscriptionChanged(SubscriptionUpdate update)
    {
        Require(update.Id, "subscription.id");
        if (update.Status == SubscriptionStatus.Ended)
        {
            return await SubscriptionEnded(update.Id);
        }

        var current = State.Current?.Id == update.Id ? State.Current : null;
        if (State.Ended.Contains(update.Id) || (current is null && State.Current is { Status: not SubscriptionStatus.Ended }))
        {
            // Ended, or not the organization's current subscription: nothing to change.
            return View();
        }

        if ((current?.Plan ?? update.Plan) is not { } plan || update.Status == SubscriptionStatus.Incomplete
            || (current is not null && current.Status == update.Status && current.TrialEnd == update.TrialEnd))
        {
            return View();
        }

        var graceEnds = update.Status == SubscriptionStatus.PastDue ? current?.GraceEnds ?? time.GetUtcNow() + options.Value.PastDueGrace : (DateTimeOffset?)null;
        var planApplies = update.Status is SubscriptionStatus.Active or SubscriptionStatus.Trialing
            || (update.Status == SubscriptionStatus.PastDue && time.GetUtcNow() < graceEnds);
        await Organization.ChangePlan(planApplies ? plan : Plan.Free);
        Track(new SubscriptionView(update.Id, plan, update.Status, update.TrialEnd ?? current?.TrialEnd, graceEnds));
        await billing.WriteStateAsync();
        if (graceEnds is not null)
        {
            await RemindAtGraceEnd();
        }
        else
        {
            await ForgetGraceEnd();
        }

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
            State.Current = State.Current with { Status = SubscriptionStatus.Ended, GraceEnds = null };
        }

        State.Ended.Add(subscriptionId);
        if (!State.Seen.Contains(subscriptionId))
        {
            State.Seen.Add(subscriptionId);
        }

        await billing.WriteStateAsync();
        await ForgetGraceEnd();
        return View();
    }

    /// <summary>The grace of a past-due subscription is over: the free plan's limits apply until Stripe reports it paid.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != GraceEnd)
        {
            return;
        }

        if (State.Current is { Status: SubscriptionStatus.PastDue, GraceEnds: { } ends })
        {
            if (time.GetUtcNow() < ends)
            {
                // Fired early (silos' clocks differ): wait for the rest.
                await this.RegisterOrUpdateReminder(GraceEnd, ends - time.GetUtcNow(), TimeSpan.FromMinutes(1));
                return;
            }

            await Organization.ChangePlan(Plan.Free);
        }

        await ForgetGraceEnd();
    }

    private async Task RemindAtGraceEnd()
    {
        if (State.Current is { GraceEnds: { } ends })
        {
            var due = ends - time.GetUtcNow();
            await this.RegisterOrUpdateReminder(GraceEnd, due > TimeSpan.Zero ? due : TimeSpan.Zero, TimeSpan.FromMinutes(1));
        }
    }

    private async Task ForgetGraceEnd()
    {
        if (await this.GetReminder(GraceEnd) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
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

    private void Track(SubscriptionView subscription)
    {
        State.Current = subscription;
        if (!State.Seen.Contains(subscription.Id))
        {
            State.Seen.Add(subscription.Id);
        }
    }

    private BillingView View() => new(Org, State.CustomerId, State.Current, State.Seen.Count, [.. State.InvoiceFailures]);
}
