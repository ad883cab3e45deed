using System.Diagnostics;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Telemetry;
using Google.Protobuf;
using Google.Protobuf.Reflection;
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
/// AlreadyExists a <see cref="ResourceInfo"/>); infrastructure failures follow
/// <see cref="PlatformFaults"/>: an unreachable cluster or storage is Unavailable with a retry
/// hint (<see cref="RetryInfo"/>, and <c>Retry-After</c> on HTTP), anything unexpected is logged
/// and answered with a bare Internal status and a reference, never a stack trace. Over the JSON
/// routes fields are named as JSON callers write them (<see cref="JsonFieldNames"/>).
/// </summary>
internal sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    /// <inheritdoc/>
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception error)
        {
            throw Map(error, context, (request as IMessage)?.Descriptor);
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
        catch (Exception error)
        {
            throw Map(error, context, (request as IMessage)?.Descriptor);
        }
    }

    /// <summary>
    /// The status a failure of a call is answered with, fields named for the route the call came
    /// by. A status the call already chose (an <see cref="RpcException"/>) is kept; a client's
    /// error is logged in one line.
    /// </summary>
    public RpcException Map(Exception error, ServerCallContext context, MessageDescriptor? request)
    {
        if (error is RpcException chosen)
        {
            LogRefused(logger, context.Method, chosen.StatusCode, chosen.Status.Detail);
            return chosen;
        }
        var http = context.GetHttpContext();
        var status = StatusOf(error, context.Method, context.CancellationToken);
        if (request is not null && !HttpStatuses.IsGrpc(http.Request))
            status = WithJsonNames(status, request);
        HttpStatuses.AddRetryAfter(http.Response, status);
        if ((Code)status.Code is not (Code.Internal or Code.Unavailable or Code.DeadlineExceeded or Code.Cancelled))
            LogRefused(logger, context.Method, (StatusCode)status.Code, status.Message);
        return status.ToRpcException();
    }

    /// <summary>The status a failure is answered with, as gRPC names fields.</summary>
    public RpcStatus StatusOf(Exception error, string method, CancellationToken cancelled)
    {
        var platform = PlatformFaults.AtBoundary(error);
        if (platform is InternalFaultException raisedHere && !Wraps(error, raisedHere))
        {
            // A driver's exception raised here in the gateway: logged in full under the new reference.
            LogInternal(logger, method, raisedHere.Reference, error);
            PlatformTelemetry.TagFault(Activity.Current, raisedHere.Reference);
            return Status(Code.Internal, raisedHere.Message);
        }
        return (platform ?? error) switch
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
            StorageUnavailableException storage => Unavailable(method, storage.Message, storage.RetryAfter),
            InternalFaultException fault => SiloFault(method, fault),
            InconsistentStateException => Status(Code.Aborted, "The entity changed concurrently; nothing was stored, retry."),
            OperationCanceledException when cancelled.IsCancellationRequested => Status(Code.Cancelled, "The call was cancelled."),
            // Orleans gave up waiting for the grain; the call may still complete there.
            TimeoutException => Status(Code.DeadlineExceeded, "The cluster did not answer in time; the request may or may not have taken effect."),
            SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException or GatewayTooBusyException
                or OperationCanceledException =>
                Unavailable(method, "The cluster is not reachable right now; retry shortly.", StorageUnavailableException.DefaultRetryAfter),
            _ => Internal(error, method),
        };
    }

    private static bool Wraps(Exception error, Exception inner) =>
        ReferenceEquals(error, inner) || (error.InnerException is { } next && Wraps(next, inner));

    private RpcStatus Unavailable(string method, string message, TimeSpan retryAfter)
    {
        // One line: during an outage every call says the same.
        LogUnavailable(logger, method, message);
        return Status(Code.Unavailable, message, new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) });
    }

    private RpcStatus SiloFault(string method, InternalFaultException fault)
    {
        LogSiloFault(logger, method, fault.Reference);
        PlatformTelemetry.TagFault(Activity.Current, fault.Reference);
        return Status(Code.Internal, fault.Message);
    }

    private RpcStatus Internal(Exception error, string method)
    {
        var fault = InternalFaultException.New();
        LogInternal(logger, method, fault.Reference, error);
        PlatformTelemetry.TagFault(Activity.Current, fault.Reference);
        return Status(Code.Internal, fault.Message);
    }

    private static RpcStatus WithJsonNames(RpcStatus status, MessageDescriptor request)
    {
        var details = status.Details.Select(d => d.TryUnpack<BadRequest>(out var bad) ? (bad, d) : (null, d)).ToArray();
        if (details.All(d => d.bad is null))
            return status;
        var renamed = new RpcStatus { Code = status.Code };
        var violations = new List<BadRequest.Types.FieldViolation>();
        foreach (var (bad, any) in details)
        {
            if (bad is null)
            {
                renamed.Details.Add(any);
                continue;
            }
            foreach (var violation in bad.FieldViolations)
                violation.Field = JsonFieldNames.Of(violation.Field, request);
            violations.AddRange(bad.FieldViolations);
            renamed.Details.Add(Any.Pack(bad));
        }
        renamed.Message = string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"));
        return renamed;
    }

    private static RpcStatus Status(Code code, string message, IMessage? detail = null)
    {
        var status = new RpcStatus { Code = (int)code, Message = message };
        if (detail is not null)
            status.Details.Add(Any.Pack(detail));
        return status;
    }

    [LoggerMessage(LogLevel.Information, "{Method} answered {Code}: {Message}")]
    private static partial void LogRefused(ILogger logger, string method, StatusCode code, string message);

    [LoggerMessage(LogLevel.Warning, "{Method}: unavailable: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string method, string reason);

    [LoggerMessage(LogLevel.Error, "{Method} failed unexpectedly (reference {Reference})")]
    private static partial void LogInternal(ILogger logger, string method, string reference, Exception error);

    [LoggerMessage(LogLevel.Error, "{Method} failed in the silo (reference {Reference}: see the silo's log)")]
    private static partial void LogSiloFault(ILogger logger, string method, string reference);
}
