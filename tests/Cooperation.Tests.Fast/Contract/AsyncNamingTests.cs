using System.Reflection;
using System.Runtime.CompilerServices;

namespace Cooperation.Tests.Contract;

/// <summary>
/// One naming rule for asynchronous methods: grain interface methods are named for what they do,
/// as in the Orleans samples (`Get`, `SubmitUpdate`), never with an `Async` suffix, since every
/// grain call is asynchronous; every other method that returns a task ends in `Async`, unless it
/// implements a method named by someone else (gRPC's generated bases, a framework interface).
/// </summary>
public sealed class AsyncNamingTests
{
    private static readonly Assembly[] Ours =
    [
        typeof(Cooperation.Contracts.Pilots.IPilotGrain).Assembly,
        typeof(Cooperation.Silo.Hosting.SiloHosting).Assembly,
        typeof(Cooperation.Gateway.Hosting.GatewayHosting).Assembly,
        typeof(Cooperation.Reports.ReportsHosting).Assembly,
    ];

    [Fact]
    public void Grain_methods_carry_no_async_suffix()
    {
        var grainMethods = Ours[0].GetTypes()
            .Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t))
            .SelectMany(t => t.GetMethods())
            .ToList();

        Assert.NotEmpty(grainMethods);
        Assert.Empty(grainMethods.Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal)).Select(m => $"{m.DeclaringType!.Name}.{m.Name}"));
    }

    [Fact]
    public void Other_task_returning_methods_end_in_async()
    {
        var misnamed = Ours
            .SelectMany(a => a.GetTypes())
            .Where(t => !t.IsInterface && !typeof(Delegate).IsAssignableFrom(t) && !typeof(IAddressable).IsAssignableFrom(t) && t.GetCustomAttribute<CompilerGeneratedAttribute>() is null
                        && t.Namespace != typeof(Cooperation.Contracts.Grpc.CityService).Namespace) // generated from the protos
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Select(m => (Type: t, Method: m)))
            .Where(p => ReturnsTask(p.Method) && !p.Method.Name.EndsWith("Async", StringComparison.Ordinal)
                        && !p.Method.IsSpecialName && !NamedElsewhere(p.Type, p.Method))
            .Select(p => $"{p.Type.FullName}.{p.Method.Name}")
            .ToList();

        Assert.True(misnamed.Count == 0, "Task-returning methods without Async: " + string.Join(", ", misnamed));
    }

    private static bool ReturnsTask(MethodInfo method) =>
        typeof(Task).IsAssignableFrom(method.ReturnType) || method.ReturnType == typeof(ValueTask)
        || (method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(ValueTask<>));

    /// <summary>An override, or an implementation of an interface method (a grain's, a framework's), keeps the name it was given.</summary>
    private static bool NamedElsewhere(Type type, MethodInfo method) =>
        method.GetBaseDefinition() != method
        || type.GetInterfaces().Any(i => !i.IsGenericTypeDefinition && type.GetInterfaceMap(i).TargetMethods.Contains(method));
}
