using System.Collections.Concurrent;
using System.Reflection;
using Actors.Runtime.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Runtime.Activation;

/// <summary>
/// Builds a grain instance: constructor services come from DI, and each constructor parameter
/// marked [PersistentState] gets that activation's state, bound to the grain's identity.
/// </summary>
internal static class GrainActivator
{
    private static readonly ConcurrentDictionary<Type, StateSlot[]> Slots = new();

    public static Grain Create(ActivationData activation)
    {
        var storage = activation.Runtime.Services.GetRequiredService<IGrainStorage>();
        var states = Slots.GetOrAdd(activation.Implementation, FindSlots)
            .Select(slot => slot.Create(activation, storage))
            .ToArray();
        activation.States.AddRange(states.Cast<IActivationState>());
        return (Grain)ActivatorUtilities.CreateInstance(activation.Runtime.Services, activation.Implementation, states);
    }

    private static StateSlot[] FindSlots(Type implementation)
    {
        var constructor = implementation.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        return constructor is null
            ? []
            : [.. constructor.GetParameters()
                .Select(p => (Parameter: p, Attribute: p.GetCustomAttribute<PersistentStateAttribute>()))
                .Where(p => p.Attribute is not null)
                .Select(p => StateSlot.For(p.Parameter, p.Attribute!))];
    }

    private sealed record StateSlot(string StateName, Type StateType)
    {
        public static StateSlot For(ParameterInfo parameter, PersistentStateAttribute attribute)
        {
            var type = parameter.ParameterType;
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
            {
                throw new InvalidOperationException(
                    $"[PersistentState] parameter '{parameter.Name}' of {parameter.Member.DeclaringType} must be an IPersistentState<T>.");
            }

            return new StateSlot(attribute.StateName, type.GetGenericArguments()[0]);
        }

        public object Create(ActivationData activation, IGrainStorage storage) =>
            Activator.CreateInstance(
                typeof(PersistentState<>).MakeGenericType(StateType),
                activation, StateName, storage)!;
    }
}
