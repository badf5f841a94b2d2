using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Orleans.Storage;

namespace Actors.Api.Problems;

/// <summary>Failures a retry may cure, answered 503 with Retry-After: nothing was half-written.</summary>
internal static class TransientFailure
{
    public static bool Is(Exception exception) => exception is
        InconsistentStateException          // another activation wrote first; this one reloads
        or TimeoutException                 // Orleans' response timeout
        or OrleansMessageRejectionException // the silo holding the grain was lost (SiloUnavailableException) or refused the call
        or ConnectionFailedException         // no connection to a silo or gateway yet
        or GatewayTooBusyException;

    public static string Describe(Exception exception) => exception switch
    {
        InconsistentStateException => "Another request changed the same thing first.",
        OrleansMessageRejectionException or ConnectionFailedException => "The server holding this was lost; it moves to another server within seconds.",
        GatewayTooBusyException => "The cluster is too busy right now.",
        _ => "The request took too long.",
    };
}
