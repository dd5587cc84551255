using System.Text.Json.Serialization;
using ContainerNet.Core.Networks;

namespace ContainerNet.Core.State;

/// <summary>
/// Compile-time JSON metadata for the state documents: a network with hundreds of endpoints is read and
/// written on every connect, and the generated code does that without reflection.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(NetworkDocument))]
internal sealed partial class StateJsonContext : JsonSerializerContext
{
}
