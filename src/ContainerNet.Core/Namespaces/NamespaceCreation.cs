using ContainerNet.Core.Errors;

namespace ContainerNet.Core.Namespaces;

/// <summary>One name's outcome in a batch creation: the namespace, or why it was not created.</summary>
public sealed record NamespaceCreation(string Name, NetNamespace? Namespace, ContainerNetException? Error);
