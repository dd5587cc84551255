using ContainerNet.Netlink.Errors;

namespace ContainerNet.Netlink.Netfilter.Batches;

/// <summary>
/// The kernel did not apply an nf_tables batch. Nothing of it took effect. FailedIndex is the first
/// refused message (-1 when the batch as a whole was refused: a stale generation, a failed commit, no
/// permission), FailedDescription names what it would have changed ("add set element tcp . 8080 (element
/// 2 of 3) of set 'ports' of table inet containernet"); Failures lists every refused message.
/// </summary>
public sealed class NftBatchException : NetlinkException
{
    public NftBatchException(string message, NftBatchFailure failed, IReadOnlyList<NftBatchFailure> failures)
        : base(failed.Errno, message, failed.KernelMessage, failed.RequestType, failed.Sequence)
    {
        FailedIndex = failed.Index;
        FailedDescription = failed.Description;
        Failures = failures;
    }

    public int FailedIndex { get; }
    public string FailedDescription { get; }
    public IReadOnlyList<NftBatchFailure> Failures { get; }
}
