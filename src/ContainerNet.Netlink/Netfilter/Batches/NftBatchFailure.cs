namespace ContainerNet.Netlink.Netfilter.Batches;

/// <summary>
/// One message of a batch that the kernel refused: its index in <see cref="NftBatch.Messages"/> (-1 for
/// the batch as a whole), what it changes, the errno and the kernel's extack text, if any.
/// </summary>
public sealed record NftBatchFailure(int Index, string Description, int Errno, string? KernelMessage, uint Sequence, ushort RequestType);
