using System.Buffers.Binary;
using System.Text;
using ContainerNet.Netlink.Constants;

namespace ContainerNet.Netlink.Wire;

/// <summary>
/// Writes one or more netlink messages back to back into one growable buffer, so that a batch of
/// requests leaves in a single send. Lengths of messages and nested attributes are patched when their
/// scope is disposed. Netlink is host byte order; the machines we target are little endian.
/// </summary>
public sealed class NetlinkMessageWriter
{
    private byte[] _buffer;
    private int _length;

    public NetlinkMessageWriter(int initialCapacity = 4096) => _buffer = new byte[initialCapacity];

    public int Length => _length;
    public int MessageCount { get; private set; }
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _length);

    public void Reset()
    {
        _length = 0;
        MessageCount = 0;
    }

    /// <summary>Starts a message; dispose the scope to write its final nlmsg_len.</summary>
    public LengthScope BeginMessage(ushort type, ushort flags, uint sequence)
    {
        int start = _length;
        Span<byte> header = Reserve(NetlinkMessageHeader.Size);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], type);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], flags);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], 0);
        MessageCount++;
        return new LengthScope(this, start, isMessage: true);
    }

    /// <summary>Starts a nested attribute (e.g. IFLA_LINKINFO); dispose the scope to write its nla_len.</summary>
    public LengthScope Nest(ushort type)
    {
        int start = _length;
        Span<byte> header = Reserve(NetlinkConstants.NLA_HDRLEN);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], type);
        return new LengthScope(this, start, isMessage: false);
    }

    /// <summary>Raw bytes in the payload (fixed headers such as ifinfomsg), padded to 4 bytes.</summary>
    public Span<byte> ReserveFixed(int size)
    {
        Span<byte> span = Reserve(NetlinkConstants.Align(size));
        return span[..size];
    }

    public void PutAttribute(ushort type, ReadOnlySpan<byte> value)
    {
        int attributeLength = NetlinkConstants.NLA_HDRLEN + value.Length;
        Span<byte> span = Reserve(NetlinkConstants.Align(attributeLength));
        BinaryPrimitives.WriteUInt16LittleEndian(span, checked((ushort)attributeLength));
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], type);
        value.CopyTo(span[NetlinkConstants.NLA_HDRLEN..]);
    }

    public void PutU8(ushort type, byte value) => PutAttribute(type, stackalloc byte[] { value });

    public void PutU16(ushort type, ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        PutAttribute(type, bytes);
    }

    public void PutU32(ushort type, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        PutAttribute(type, bytes);
    }

    public void PutI32(ushort type, int value) => PutU32(type, unchecked((uint)value));

    /// <summary>A NUL-terminated string attribute, as the kernel expects for names (NLA_NUL_STRING/NLA_STRING).</summary>
    public void PutString(ushort type, string value)
    {
        int byteCount = Encoding.UTF8.GetByteCount(value);
        Span<byte> bytes = byteCount < 256 ? stackalloc byte[byteCount + 1] : new byte[byteCount + 1];
        Encoding.UTF8.GetBytes(value, bytes);
        bytes[byteCount] = 0;
        PutAttribute(type, bytes);
    }

    private Span<byte> Reserve(int size)
    {
        if (_length + size > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + size));
        Span<byte> span = _buffer.AsSpan(_length, size);
        span.Clear();
        _length += size;
        return span;
    }

    private void PatchLength(int start, bool isMessage)
    {
        int length = _length - start;
        if (isMessage)
            BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(start), (uint)length);
        else
            BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(start), checked((ushort)length));
    }

    /// <summary>Patches the length field of a message or nested attribute when disposed.</summary>
    public readonly struct LengthScope : IDisposable
    {
        private readonly NetlinkMessageWriter _writer;
        private readonly int _start;
        private readonly bool _isMessage;

        internal LengthScope(NetlinkMessageWriter writer, int start, bool isMessage)
        {
            _writer = writer;
            _start = start;
            _isMessage = isMessage;
        }

        public void Dispose() => _writer.PatchLength(_start, _isMessage);
    }
}
