using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Tarn.Versioning.Committed.RangeFiles;

/// <summary>
/// The last step of writing a range file: the SHA-256 of every data block goes into the slot the index
/// left for it, then the footer checksum (which covers the index) is computed. Kept apart from encoding
/// because it reads every byte again: a writer with a spare core runs it on another thread
/// (<see cref="UnhashedRangeFile"/>). The digests let a diff skip equal blocks by comparing 32 bytes
/// instead of the blocks (docs/range-format.md).
/// </summary>
internal sealed class BlockDigests
{
    // Per block: offset, length, and the file offset of its digest slot.
    private readonly int[] _blocks;
    private readonly int _indexOffset;
    private readonly int _footerOffset;

    public BlockDigests(int[] blocks, int indexOffset, int footerOffset)
    {
        _blocks = blocks;
        _indexOffset = indexOffset;
        _footerOffset = footerOffset;
    }

    /// <summary>Fills in the digests and the footer checksum of <paramref name="file"/> (the complete file).</summary>
    public void Seal(Span<byte> file)
    {
        for (var i = 0; i < _blocks.Length; i += 3)
        {
            SHA256.HashData(file.Slice(_blocks[i], _blocks[i + 1]), file.Slice(_blocks[i + 2], RangeFileFormat.BlockDigestLength));
        }

        var footer = file[_footerOffset..];
        var checksum = Crc32C.Append(
            Crc32C.Compute(file[_indexOffset.._footerOffset]),
            footer[..RangeFileFormat.FooterChecksummedLength]);
        BinaryPrimitives.WriteUInt32LittleEndian(footer[RangeFileFormat.FooterChecksummedLength..], checksum);
    }
}
