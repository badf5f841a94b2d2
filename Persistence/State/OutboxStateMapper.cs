using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace Actors.Persistence.State;

/// <summary>Turns <see cref="OutboxStateAttribute"/> into a state object bound to the activation being created.</summary>
internal sealed class OutboxStateMapper : IAttributeToFactoryMapper<OutboxStateAttribute>
{
    private static readonly MethodInfo CreateMethod =
        typeof(OutboxStateMapper).GetMethod(nameof(Create), BindingFlags.NonPublic | BindingFlags.Static)!;

    public Factory<IGrainContext, object> GetFactory(ParameterInfo parameter, OutboxStateAttribute metadata)
    {
        if (!parameter.ParameterType.IsGenericType || parameter.ParameterType.GetGenericTypeDefinition() != typeof(IOutboxState<>))
        {
            throw new ArgumentException(
                $"Parameter '{parameter.Name}' of {parameter.Member.DeclaringType} has [OutboxState] but is not an IOutboxState<T>.", parameter.Name);
        }

        var create = CreateMethod.MakeGenericMethod(parameter.ParameterType.GetGenericArguments())
            .CreateDelegate<Func<IGrainContext, string, object>>();
        return context => create(context, metadata.StateName);
    }

    private static object Create<TState>(IGrainContext context, string stateName) where TState : new()
    {
        var state = new OutboxState<TState>(context, stateName, context.ActivationServices.GetRequiredService<IOutboxStore>());
        // Loaded at the same stage as Orleans' own persistent state: before OnActivateAsync runs.
        context.ObservableLifecycle.Subscribe($"OutboxState-{stateName}", GrainLifecycleStage.SetupState, state.ReadStateAsync);
        return state;
    }
}
