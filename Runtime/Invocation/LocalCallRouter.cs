using Actors.Runtime.Activation;

namespace Actors.Runtime.Invocation;

/// <summary>Routes every call to this silo's catalog, bounded by the call timeout.</summary>
internal sealed class LocalCallRouter(Catalog catalog, SiloOptions options) : IGrainCallRouter
{
    public async Task<object?> InvokeAsync(GrainCall call)
    {
        try
        {
            return await catalog.InvokeAsync(call).WaitAsync(options.CallTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Call {call.Method.Method.Name} to {call.Target} did not complete within {options.CallTimeout}.");
        }
    }
}
