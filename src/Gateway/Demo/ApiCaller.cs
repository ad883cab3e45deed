using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Demo;

/// <summary>
/// Calls any unary RPC of the platform by name ("CityService/CreateCity") with a request given
/// as proto JSON, through a real gRPC call invoker: a replayed scenario goes through the same
/// validation, interceptor and grains as any client's call.
/// </summary>
internal sealed class ApiCaller(CallInvoker invoker)
{
    private static readonly FileDescriptor[] Files =
    [
        Proto.CitiesReflection.Descriptor, Proto.OrganisationsReflection.Descriptor, Proto.PartnershipsReflection.Descriptor,
        Proto.ProgrammesReflection.Descriptor, Proto.PilotsReflection.Descriptor, Proto.KpisReflection.Descriptor,
        Proto.JcmReflection.Descriptor, Proto.MousReflection.Descriptor, Proto.AccessReflection.Descriptor,
        Proto.SubmissionsReflection.Descriptor, Proto.ReviewsReflection.Descriptor, Proto.ReportingReflection.Descriptor,
    ];

    private static readonly Dictionary<string, MethodDescriptor> Methods = Files
        .SelectMany(file => file.Services)
        .SelectMany(service => service.Methods)
        .ToDictionary(method => $"{method.Service.Name}/{method.Name}");

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    /// <summary>Calls <paramref name="rpc"/> with the request in <paramref name="json"/>; returns the response.</summary>
    public async Task<IMessage> CallAsync(string rpc, string json, CancellationToken cancellationToken = default)
    {
        if (!Methods.TryGetValue(rpc, out var descriptor))
            throw new ArgumentException($"Unknown RPC '{rpc}'; expected e.g. \"CityService/CreateCity\".");
        var request = Parser.Parse(json, descriptor.InputType);
        var method = new Method<IMessage, IMessage>(MethodType.Unary, descriptor.Service.FullName, descriptor.Name,
            Marshallers.Create(m => m.ToByteArray(), descriptor.InputType.Parser.ParseFrom),
            Marshallers.Create(m => m.ToByteArray(), descriptor.OutputType.Parser.ParseFrom));
        return await invoker.AsyncUnaryCall(method, null, new CallOptions(cancellationToken: cancellationToken), request);
    }

    /// <summary>Calls <paramref name="rpc"/> with a typed request.</summary>
    public async Task<TResponse> CallAsync<TResponse>(string rpc, IMessage request, CancellationToken cancellationToken = default)
        where TResponse : IMessage =>
        (TResponse)await CallAsync(rpc, JsonFormatter.Default.Format(request), cancellationToken);
}
