using System.Net.Sockets;
using Cooperation.Contracts.Common;
using Cooperation.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Storage;

namespace Cooperation.Tests.Grains;

/// <summary>
/// The Orleans storage providers behind the grain boundary: their driver exceptions reach
/// activations and reminder calls as the platform's own.
/// </summary>
public sealed class StorageFaultBoundaryTests
{
    private static NpgsqlException Refused() => new("Failed to connect", new SocketException((int)SocketError.ConnectionRefused));

    [Fact]
    public async Task Grain_storage_and_reminder_tables_fail_with_the_platforms_exceptions()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddKeyedSingleton<IGrainStorage>("cooperation", (_, _) => new FailingStorage(Refused()));
        services.AddSingleton<IReminderTable, FailingReminders>();
        new Builder(services).AddInfrastructureFaultBoundary();
        await using var provider = services.BuildServiceProvider();

        var storage = provider.GetRequiredKeyedService<IGrainStorage>("cooperation");
        var reminders = provider.GetRequiredService<IReminderTable>();

        await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.ReadStateAsync("snapshot", GrainId.Create("pilot", "p"), new GrainState<int>()));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.WriteStateAsync("snapshot", GrainId.Create("pilot", "p"), new GrainState<int>()));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => reminders.UpsertRow(new ReminderEntry()));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => reminders.ReadRows(0, uint.MaxValue));
        Assert.IsAssignableFrom<ILifecycleParticipant<ISiloLifecycle>>(storage);
    }

    private sealed class Builder(IServiceCollection services) : ISiloBuilder
    {
        public IServiceCollection Services => services;

        public IConfiguration Configuration { get; } = new ConfigurationBuilder().Build();
    }

    private sealed class FailingStorage(Exception error) : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.FromException(error);

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.FromException(error);

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.FromException(error);
    }

    private sealed class FailingReminders : IReminderTable
    {
        public Task<ReminderTableData> ReadRows(GrainId grainId) => throw Refused();

        public Task<ReminderTableData> ReadRows(uint begin, uint end) => throw Refused();

        public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => throw Refused();

        public Task<string?> UpsertRow(ReminderEntry entry) => throw Refused();

        public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => throw Refused();

        public Task TestOnlyClearTable() => Task.CompletedTask;
    }
}
