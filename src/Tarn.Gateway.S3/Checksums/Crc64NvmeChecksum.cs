namespace Tarn.Gateway.S3.Checksums;

/// <summary>CRC-64/NVME (<c>x-amz-checksum-crc64nvme</c>): reflected, polynomial 0x9A6C9329AC4BC9B5, all-ones init and final xor.</summary>
public sealed class Crc64NvmeChecksum : IChecksum
{
    private const ulong Polynomial = 0x9A6C9329AC4BC9B5;
    private static readonly ulong[] Table = BuildTable();

    private ulong _crc = ulong.MaxValue;

    public void Append(ReadOnlySpan<byte> data)
    {
        var crc = _crc;
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        _crc = crc;
    }

    public byte[] GetResult()
    {
        var value = ~_crc;
        var result = new byte[8];
        for (var i = 0; i < 8; i++)
        {
            result[i] = (byte)(value >> (56 - (8 * i)));
        }

        return result;
    }

    private static ulong[] BuildTable()
    {
        var table = new ulong[256];
        for (ulong i = 0; i < 256; i++)
        {
            var crc = i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ Polynomial : crc >> 1;
            }

            table[i] = crc;
        }

        return table;
    }
}
