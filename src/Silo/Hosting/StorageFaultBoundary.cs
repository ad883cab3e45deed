using Cooperation.Contracts.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Cooperation.Silo.Hosting;

/// <summary>
/// Puts the grain boundary's rule (<see cref="PlatformFaults"/>) in front of the Orleans storage
/// providers (ADO.NET grain storage and reminder table). Their exceptions reach grains outside any
/// grain call too: a snapshot read fails an activation, whose callers receive the exception
/// as it is, and a reminder table answers from the silo that owns the reminder's range.
/// </summary>
internal static class StorageFaultBoundary
{
    /// <summary>
    /// The incoming call filter and the wrapped storage providers; call after the providers are
    /// added, so that the registrations are there to wrap.
    /// </summary>
    public static ISiloBuilder AddInfrastructureFaultBoundary(this ISiloBuilder silo)
    {
        silo.AddIncomingGrainCallFilter<InfrastructureFaultFilter>();
        var services = silo.Services;
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService).ToArray())
        {
            services.Remove(descriptor);
            services.Add(ServiceDescriptor.KeyedSingleton<IGrainStorage>(descriptor.ServiceKey, (sp, key) => new FaultTranslatingGrainStorage(
                (IGrainStorage)Create(sp, descriptor, key), sp.GetRequiredService<ILogger<FaultTranslatingGrainStorage>>())));
        }
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(IReminderTable) && !d.IsKeyedService).ToArray())
        {
            services.Remove(descriptor);
            services.AddSingleton<IReminderTable>(sp => new FaultTranslatingReminderTable(
                (IReminderTable)Create(sp, descriptor, null), sp.GetRequiredService<ILogger<FaultTranslatingReminderTable>>()));
        }
        return silo;
    }

    private static object Create(IServiceProvider services, ServiceDescriptor descriptor, object? key)
    {
        if (descriptor.IsKeyedService)
        {
            return descriptor.KeyedImplementationInstance
                ?? descriptor.KeyedImplementationFactory?.Invoke(services, key)
                ?? ActivatorUtilities.CreateInstance(services, descriptor.KeyedImplementationType!);
        }
        return descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
    }

    /// <summary>Runs a storage operation, throwing the platform's exception in place of a driver's.</summary>
    internal static async Task<T> Guard<T>(Func<Task<T>> operation, string name, ILogger logger)
    {
        try
        {
            return await operation();
        }
        catch (Exception error) when (PlatformFaults.AtBoundary(error) is { } platform)
        {
            InfrastructureFaultFilter.Log(logger, name, error, platform);
            throw platform;
        }
    }

    /// <inheritdoc cref="Guard{T}(Func{Task{T}}, string, ILogger)"/>
    internal static Task Guard(Func<Task> operation, string name, ILogger logger) =>
        Guard(async () => { await operation(); return true; }, name, logger);
}

/// <summary>A grain storage provider whose failures are the platform's own exceptions; it keeps the provider's silo lifecycle.</summary>
internal sealed class FaultTranslatingGrainStorage(IGrainStorage inner, ILogger logger) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        StorageFaultBoundary.Guard(() => inner.ReadStateAsync(stateName, grainId, grainState), "grain storage read", logger);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        StorageFaultBoundary.Guard(() => inner.WriteStateAsync(stateName, grainId, grainState), "grain storage write", logger);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        StorageFaultBoundary.Guard(() => inner.ClearStateAsync(stateName, grainId, grainState), "grain storage clear", logger);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        StorageFaultBoundary.Guard(() => inner.ReadStateAsync(stateName, grainId, grainState, cancellationToken), "grain storage read", logger);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        StorageFaultBoundary.Guard(() => inner.WriteStateAsync(stateName, grainId, grainState, cancellationToken), "grain storage write", logger);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        StorageFaultBoundary.Guard(() => inner.ClearStateAsync(stateName, grainId, grainState, cancellationToken), "grain storage clear", logger);

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
}

/// <summary>A reminder table whose failures are the platform's own exceptions.</summary>
internal sealed class FaultTranslatingReminderTable(IReminderTable inner, ILogger logger) : IReminderTable
{
    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => inner.StopAsync(cancellationToken);

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        StorageFaultBoundary.Guard(() => inner.ReadRows(grainId), "reminder read", logger);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        StorageFaultBoundary.Guard(() => inner.ReadRows(begin, end), "reminder read", logger);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) =>
        StorageFaultBoundary.Guard(() => inner.ReadRow(grainId, reminderName), "reminder read", logger);

    public Task<string?> UpsertRow(ReminderEntry entry) =>
        StorageFaultBoundary.Guard(() => inner.UpsertRow(entry), "reminder write", logger);

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        StorageFaultBoundary.Guard(() => inner.RemoveRow(grainId, reminderName, eTag), "reminder write", logger);

    public Task TestOnlyClearTable() => inner.TestOnlyClearTable();
}
