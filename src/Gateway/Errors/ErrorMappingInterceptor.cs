using Cooperation.Contracts.Common;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Orleans.Storage;
using RpcStatus = Google.Rpc.Status;

namespace Cooperation.Gateway.Errors;

/// <summary>
/// The one place where failures become gRPC statuses. Domain refusals keep their readable
/// message (InvalidArgument carries a <see cref="BadRequest"/> naming each field, NotFound and
/// AlreadyExists a <see cref="ResourceInfo"/>); anything unexpected is logged and answered
/// with a bare Internal status and a reference, never a stack trace.
/// </summary>
public sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    /// <inheritdoc/>
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception error) when (error is not RpcException)
        {
            throw Map(error, context);
        }
    }

    /// <inheritdoc/>
    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception error) when (error is not RpcException)
        {
            throw Map(error, context);
        }
    }

    /// <summary>The status a failure is answered with.</summary>
    public RpcException Map(Exception error, ServerCallContext context) => error switch
    {
        InvalidFieldException invalid => Status(Code.InvalidArgument, invalid.Message, new BadRequest
        {
            FieldViolations =
            {
                invalid.Violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }),
            },
        }),
        EntityNotFoundException missing => Status(Code.NotFound, missing.Message,
            new ResourceInfo { ResourceType = missing.Entity, ResourceName = missing.Id }),
        EntityExistsException taken => Status(Code.AlreadyExists, taken.Message,
            new ResourceInfo { ResourceType = taken.Entity, ResourceName = taken.Id }),
        RuleViolationException rule => Status(Code.FailedPrecondition, rule.Message),
        AccessDeniedException denied => Status(Code.PermissionDenied, denied.Message),
        ConcurrentChangeException conflict => Status(Code.Aborted, conflict.Message),
        StorageUnavailableException storage => Status(Code.Unavailable, storage.Message),
        InconsistentStateException => Status(Code.Aborted, "The entity changed concurrently; nothing was stored, retry."),
        OperationCanceledException when context.CancellationToken.IsCancellationRequested =>
            Status(Code.Cancelled, "The call was cancelled."),
        // Orleans gave up waiting for the grain; the call may still complete there.
        TimeoutException => Status(Code.DeadlineExceeded, "The cluster did not answer in time; the request may or may not have taken effect."),
        SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException or GatewayTooBusyException
            or OperationCanceledException =>
            Unavailable(error, context),
        _ => Internal(error, context),
    };

    private RpcException Unavailable(Exception error, ServerCallContext context)
    {
        LogUnavailable(logger, context.Method, error);
        return Status(Code.Unavailable, "The cluster is not reachable right now; retry shortly.");
    }

    private RpcException Internal(Exception error, ServerCallContext context)
    {
        var reference = Guid.NewGuid().ToString("N")[..12];
        LogInternal(logger, context.Method, reference, error);
        return Status(Code.Internal, $"Internal error (reference {reference}).");
    }

    private static RpcException Status(Code code, string message, Google.Protobuf.IMessage? detail = null)
    {
        var status = new RpcStatus { Code = (int)code, Message = message };
        if (detail is not null)
            status.Details.Add(Any.Pack(detail));
        return status.ToRpcException();
    }

    [LoggerMessage(LogLevel.Warning, "{Method}: the Orleans cluster is unavailable")]
    private static partial void LogUnavailable(ILogger logger, string method, Exception error);

    [LoggerMessage(LogLevel.Error, "{Method} failed unexpectedly (reference {Reference})")]
    private static partial void LogInternal(ILogger logger, string method, string reference, Exception error);
}
