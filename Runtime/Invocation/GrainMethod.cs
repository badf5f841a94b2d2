using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace Actors.Runtime.Invocation;

/// <summary>
/// One method of a grain interface, compiled once: how to invoke it on a grain and how to hand
/// its result back to a caller as the Task type the interface declares.
/// </summary>
internal sealed class GrainMethod
{
    private static readonly ConcurrentDictionary<MethodInfo, GrainMethod> Cache = new();

    private readonly Func<object, object?[], Task<object?>> invoke;
    private readonly Func<Task<object?>, object> adaptResult;

    private GrainMethod(MethodInfo method)
    {
        Method = method;
        Interface = method.DeclaringType!;
        Name = $"{Interface.FullName}.{method.Name}({string.Join(',', method.GetParameters().Select(p => p.ParameterType.Name))})";
        AlwaysInterleave = method.IsDefined(typeof(AlwaysInterleaveAttribute), inherit: true);
        ParameterTypes = [.. method.GetParameters().Select(p => p.ParameterType)];
        (ResultType, invoke, adaptResult) = Compile(method);
    }

    public MethodInfo Method { get; }

    public Type Interface { get; }

    /// <summary>A name that identifies the method on every silo, for calls that cross the wire.</summary>
    public string Name { get; }

    public bool AlwaysInterleave { get; }

    public Type[] ParameterTypes { get; }

    /// <summary>The type inside the returned task, or null for Task and ValueTask.</summary>
    public Type? ResultType { get; }

    public static GrainMethod For(MethodInfo method) => Cache.GetOrAdd(method, static m => new GrainMethod(m));

    public Task<object?> InvokeAsync(object grain, object?[] arguments) => invoke(grain, arguments);

    public object AdaptResult(Task<object?> result) => adaptResult(result);

    private static (Type?, Func<object, object?[], Task<object?>>, Func<Task<object?>, object>) Compile(MethodInfo method)
    {
        var returnType = method.ReturnType;
        var grain = Expression.Parameter(typeof(object), "grain");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var call = Expression.Call(
            Expression.Convert(grain, method.DeclaringType!),
            method,
            method.GetParameters().Select((p, i) =>
                Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType)));

        Type? resultType;
        MethodInfo boxer;
        MethodInfo adapter;
        if (returnType == typeof(Task))
        {
            resultType = null;
            boxer = Box(nameof(BoxTask));
            adapter = Box(nameof(ToTask));
        }
        else if (returnType == typeof(ValueTask))
        {
            resultType = null;
            boxer = Box(nameof(BoxValueTask));
            adapter = Box(nameof(ToValueTask));
        }
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            resultType = returnType.GetGenericArguments()[0];
            boxer = Box(nameof(BoxTaskOf)).MakeGenericMethod(resultType);
            adapter = Box(nameof(ToTaskOf)).MakeGenericMethod(resultType);
        }
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            resultType = returnType.GetGenericArguments()[0];
            boxer = Box(nameof(BoxValueTaskOf)).MakeGenericMethod(resultType);
            adapter = Box(nameof(ToValueTaskOf)).MakeGenericMethod(resultType);
        }
        else
        {
            throw new NotSupportedException(
                $"Grain method {method.DeclaringType!.Name}.{method.Name} must return Task, Task<T>, ValueTask or ValueTask<T>.");
        }

        var invoke = Expression.Lambda<Func<object, object?[], Task<object?>>>(Expression.Call(boxer, call), grain, args).Compile();
        var pending = Expression.Parameter(typeof(Task<object?>), "pending");
        var adapt = Expression.Lambda<Func<Task<object?>, object>>(
            Expression.Convert(Expression.Call(adapter, pending), typeof(object)), pending).Compile();
        return (resultType, invoke, adapt);
    }

    private static MethodInfo Box(string name) =>
        typeof(GrainMethod).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!;

    private static async Task<object?> BoxTask(Task task)
    {
        await task;
        return null;
    }

    private static async Task<object?> BoxValueTask(ValueTask task)
    {
        await task;
        return null;
    }

    private static async Task<object?> BoxTaskOf<T>(Task<T> task) => await task;

    private static async Task<object?> BoxValueTaskOf<T>(ValueTask<T> task) => await task;

    private static Task ToTask(Task<object?> result) => result;

    private static ValueTask ToValueTask(Task<object?> result) => new(result);

    private static async Task<T> ToTaskOf<T>(Task<object?> result) => (T)(await result)!;

    private static async ValueTask<T> ToValueTaskOf<T>(Task<object?> result) => (T)(await result)!;
}
