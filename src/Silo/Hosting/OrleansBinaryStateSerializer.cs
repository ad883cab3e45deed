using Orleans.Serialization;
using Orleans.Storage;

namespace Cooperation.Silo.Hosting;

/// <summary>
/// Stores grain state in Orleans' own binary format, which follows the <c>[Id]</c>s and
/// <c>[Alias]</c>es of the state types: fields can be added and types renamed without breaking
/// stored state (the provider's default JSON embeds .NET type names).
/// </summary>
internal sealed class OrleansBinaryStateSerializer(Serializer serializer) : IGrainStorageSerializer
{
    /// <inheritdoc/>
    public BinaryData Serialize<T>(T? input) => new(serializer.SerializeToArray(input));

    /// <inheritdoc/>
    public T Deserialize<T>(BinaryData input) =>
        serializer.Deserialize<T>(input.ToMemory()) ?? throw new InvalidDataException($"Stored {typeof(T).Name} is empty.");
}
