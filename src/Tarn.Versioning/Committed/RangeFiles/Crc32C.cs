using System.Buffers.Binary;
using System.Numerics;

namespace Tarn.Versioning.Committed.RangeFiles;

/// <summary>
/// CRC-32C (Castagnoli), as used by iSCSI, ext4 and LevelDB: initial value and final xor 0xFFFFFFFF.
/// <see cref="BitOperations.Crc32C(uint, ulong)"/> is the raw update step (the SSE4.2 / ARMv8 instruction
/// when the CPU has it), so this loop feeds it eight bytes at a time.
/// </summary>
internal static class Crc32C
{
    public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

    /// <summary>Continues a checksum computed over earlier bytes (pass 0 to start).</summary>
    public static uint Append(uint checksum, ReadOnlySpan<byte> data)
    {
        var crc = ~checksum;
        while (data.Length >= sizeof(ulong))
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[sizeof(ulong)..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return ~crc;
    }
}
