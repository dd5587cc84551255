using System.Buffers.Binary;
using ContainerNet.Netlink.Constants;

namespace ContainerNet.Netlink.Tests.Support;

/// <summary>
/// Locates an attribute inside a captured message payload by its type path (e.g. IFLA_LINKINFO, then
/// IFLA_INFO_SLAVE_DATA), so a test can read or change exactly one field of a real reply.
/// </summary>
internal static class AttributePath
{
    /// <summary>Offset of the attribute's nlattr header in payload; fixedHeader is the size of ifinfomsg/ifaddrmsg/rtmsg.</summary>
    public static int Find(byte[] payload, int fixedHeader, params ushort[] path)
    {
        int start = fixedHeader, end = payload.Length, found = -1;
        foreach (ushort type in path)
        {
            found = -1;
            for (int offset = start; offset + NetlinkConstants.NLA_HDRLEN <= end;)
            {
                ushort length = BinaryPrimitives.ReadUInt16LittleEndian(payload.AsSpan(offset));
                if ((BinaryPrimitives.ReadUInt16LittleEndian(payload.AsSpan(offset + 2)) & NetlinkConstants.NLA_TYPE_MASK) == type)
                {
                    found = offset;
                    start = offset + NetlinkConstants.NLA_HDRLEN;
                    end = offset + length;
                    break;
                }
                offset += NetlinkConstants.Align(length);
            }
            if (found < 0)
                throw new InvalidDataException($"No attribute {type} on the path {string.Join("/", path)} in the fixture.");
        }
        return found;
    }

    /// <summary>The value of the attribute at the end of the path (a copy).</summary>
    public static byte[] Value(byte[] payload, int fixedHeader, params ushort[] path)
    {
        int offset = Find(payload, fixedHeader, path);
        ushort length = BinaryPrimitives.ReadUInt16LittleEndian(payload.AsSpan(offset));
        return payload[(offset + NetlinkConstants.NLA_HDRLEN)..(offset + length)];
    }
}
