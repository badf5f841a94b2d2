namespace Actors.Runtime.Invocation;

/// <summary>Delivers a call to wherever its grain lives: this silo's catalog, or another silo.</summary>
internal interface IGrainCallRouter
{
    Task<object?> InvokeAsync(GrainCall call);
}
