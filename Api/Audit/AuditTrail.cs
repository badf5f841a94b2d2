using Actors.Grains.Abstractions.Audit;
using Orleans;

namespace Actors.Api.Audit;

/// <summary>Files entries in an organization's audit log, for the audit filter and for changes no member made (Stripe's webhooks).</summary>
public sealed class AuditTrail(IGrainFactory grains, ILogger<AuditTrail> logger)
{
    /// <summary>The actor of changes made by Stripe's webhooks.</summary>
    public const string Stripe = "stripe";

    public async Task FileAsync(AuditEntry entry)
    {
        try
        {
            await grains.GetGrain<IAuditGrain>(entry.Organization).Append(entry);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The change itself committed; answering with a failure would invite a second one. The
            // entry goes to the log in full instead, where operators can still find it.
            logger.LogError(exception, "Audit entry could not be stored: {@Entry}", entry);
        }
    }
}
