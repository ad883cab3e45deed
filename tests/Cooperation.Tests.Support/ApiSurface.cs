using Google.Protobuf.Reflection;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Support;

/// <summary>Every RPC of the platform's contract, found in the compiled protos rather than listed by hand.</summary>
public static class ApiSurface
{
    /// <summary>Each RPC as "Service/Method".</summary>
    public static IReadOnlyList<string> Rpcs { get; } = typeof(Proto.CityService).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(Proto.CityService).Namespace && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
        .Select(t => (FileDescriptor)t.GetProperty("Descriptor")!.GetValue(null)!)
        .SelectMany(file => file.Services)
        .SelectMany(service => service.Methods)
        .Select(method => $"{method.Service.Name}/{method.Name}")
        .Order()
        .ToArray();
}
