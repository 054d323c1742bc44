namespace Tarn.Gateway.S3.Checksums;

/// <summary>
/// Reflected CRC-32 with a 4-bit-per-step slicing table: CRC-32 (IEEE, <c>x-amz-checksum-crc32</c>) or
/// CRC-32C (Castagnoli, <c>x-amz-checksum-crc32c</c>). Hand-written because System.IO.Hashing is not
/// part of the shared framework.
/// </summary>
public sealed class Crc32Checksum : IChecksum
{
    /// <summary>Reversed polynomial of CRC-32 (IEEE 802.3).</summary>
    public const uint Ieee = 0xEDB88320;

    /// <summary>Reversed polynomial of CRC-32C (Castagnoli).</summary>
    public const uint Castagnoli = 0x82F63B78;

    private static readonly uint[][] IeeeTables = BuildTables(Ieee);
    private static readonly uint[][] CastagnoliTables = BuildTables(Castagnoli);

    private readonly uint[][] _tables;
    private uint _crc = 0xFFFFFFFF;

    public Crc32Checksum(uint polynomial)
    {
        _tables = polynomial switch
        {
            Ieee => IeeeTables,
            Castagnoli => CastagnoliTables,
            _ => BuildTables(polynomial),
        };
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        var crc = _crc;
        var t = _tables;
        // Slicing-by-8: eight table look-ups per 8 input bytes instead of one per byte.
        while (data.Length >= 8)
        {
            var low = crc ^ (uint)(data[0] | data[1] << 8 | data[2] << 16 | data[3] << 24);
            crc = t[7][low & 0xFF] ^ t[6][(low >> 8) & 0xFF] ^ t[5][(low >> 16) & 0xFF] ^ t[4][low >> 24]
                ^ t[3][data[4]] ^ t[2][data[5]] ^ t[1][data[6]] ^ t[0][data[7]];
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = t[0][(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        _crc = crc;
    }

    public byte[] GetResult()
    {
        var value = ~_crc;
        return [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];
    }

    private static uint[][] BuildTables(uint polynomial)
    {
        var tables = new uint[8][];
        tables[0] = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var crc = i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ polynomial : crc >> 1;
            }

            tables[0][i] = crc;
        }

        for (var k = 1; k < 8; k++)
        {
            tables[k] = new uint[256];
            for (var i = 0; i < 256; i++)
            {
                var previous = tables[k - 1][i];
                tables[k][i] = (previous >> 8) ^ tables[0][previous & 0xFF];
            }
        }

        return tables;
    }
}
