using System.Buffers.Binary;

namespace Tarn.Versioning.Committed.RangeFiles;

/// <summary>
/// Reads a range file held in memory (typically by the range cache). <see cref="Open"/> checks the
/// footer, every checksum and the index up front, so a file that opens is safe to iterate; after that
/// the reader is immutable and can be shared by any number of concurrent <see cref="RangeFileCursor"/>s.
/// </summary>
public sealed class RangeFileReader
{
    private readonly BlockHandle[] _blocks;

    private RangeFileReader(ReadOnlyMemory<byte> file, BlockHandle[] blocks, RangeFileProperties properties)
    {
        File = file;
        _blocks = blocks;
        Properties = properties;
    }

    public RangeFileProperties Properties { get; }

    public int BlockCount => _blocks.Length;

    /// <summary>Bytes of the file (what a cache charges for it).</summary>
    public long SizeBytes => File.Length;

    internal ReadOnlyMemory<byte> File { get; }

    /// <summary>Parses and verifies <paramref name="file"/>; throws <see cref="RangeFileCorruptException"/> when anything is off.</summary>
    public static RangeFileReader Open(ReadOnlyMemory<byte> file) => OpenWith(file, verifyBlocks: true);

    /// <summary>
    /// Opens a file this process has just written from memory it never let go of: the index and footer are
    /// still parsed and checked, but data blocks are not checksummed again (that is a second pass over every
    /// byte of a big commit, for a corruption that cannot have happened yet).
    /// </summary>
    internal static RangeFileReader OpenWritten(ReadOnlyMemory<byte> file) => OpenWith(file, verifyBlocks: false);

    private static RangeFileReader OpenWith(ReadOnlyMemory<byte> file, bool verifyBlocks)
    {
        try
        {
            return OpenChecked(file, verifyBlocks);
        }
        catch (FormatException e)
        {
            throw new RangeFileCorruptException(e.Message, e);
        }
    }

    /// <summary>A new cursor positioned before the first record.</summary>
    public RangeFileCursor CreateCursor() => new(this);

    /// <summary>Point lookup: the record with exactly <paramref name="key"/>, as slices of the file bytes.</summary>
    public bool TryGet(ReadOnlySpan<byte> key, out ReadOnlyMemory<byte> identity, out ReadOnlyMemory<byte> data)
    {
        var cursor = CreateCursor();
        cursor.SeekGE(key);
        if (cursor.MoveNext() && cursor.Key.SequenceEqual(key))
        {
            identity = cursor.IdentityMemory;
            data = cursor.DataMemory;
            return true;
        }

        identity = default;
        data = default;
        return false;
    }

    internal ref readonly BlockHandle Block(int index) => ref _blocks[index];

    /// <summary>The first block whose last key is &gt;= <paramref name="key"/>, or <see cref="BlockCount"/> when none is.</summary>
    internal int FindBlock(ReadOnlySpan<byte> key)
    {
        var span = File.Span;
        int low = 0, high = _blocks.Length;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            ref readonly var block = ref _blocks[middle];
            if (span.Slice(block.LastKeyOffset, block.LastKeyLength).SequenceCompareTo(key) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static RangeFileReader OpenChecked(ReadOnlyMemory<byte> memory, bool verifyBlocks)
    {
        var file = memory.Span;
        if (file.Length < RangeFileFormat.FooterLength)
        {
            throw new FormatException($"{file.Length} bytes is too short for a footer");
        }

        var footerStart = file.Length - RangeFileFormat.FooterLength;
        var footer = file[footerStart..];
        if (!footer[28..].SequenceEqual(RangeFileFormat.Magic))
        {
            throw new FormatException("missing magic number");
        }

        var indexOffset = BinaryPrimitives.ReadUInt64LittleEndian(footer);
        var indexLength = BinaryPrimitives.ReadUInt32LittleEndian(footer[8..]);
        var propertiesLength = BinaryPrimitives.ReadUInt32LittleEndian(footer[12..]);
        var blockCount = BinaryPrimitives.ReadUInt32LittleEndian(footer[16..]);
        var version = BinaryPrimitives.ReadUInt16LittleEndian(footer[20..]);
        if (indexOffset + indexLength + propertiesLength != (ulong)footerStart)
        {
            throw new FormatException("section lengths do not add up to the file length");
        }

        var expected = BinaryPrimitives.ReadUInt32LittleEndian(footer[24..]);
        var actual = Crc32C.Append(Crc32C.Compute(file[(int)indexOffset..footerStart]), footer[..RangeFileFormat.FooterChecksummedLength]);
        if (expected != actual)
        {
            throw new FormatException("index checksum mismatch");
        }

        if (version is < RangeFileFormat.FirstVersion or > RangeFileFormat.Version)
        {
            throw new FormatException($"unsupported format version {version}");
        }

        var blocks = ReadIndex(file, (int)indexOffset, (int)indexLength, blockCount, version >= RangeFileFormat.BlockDigestVersion, verifyBlocks);
        var properties = ReadProperties(file.Slice((int)(indexOffset + indexLength), (int)propertiesLength), version);
        long records = 0;
        foreach (var block in blocks)
        {
            records += block.RecordCount;
        }

        if (records != properties.Count)
        {
            throw new FormatException($"index counts {records} records, properties say {properties.Count}");
        }

        return new RangeFileReader(memory, blocks, properties);
    }

    private static BlockHandle[] ReadIndex(ReadOnlySpan<byte> file, int indexOffset, int indexLength, uint blockCount, bool hasDigests, bool verifyBlocks)
    {
        if (blockCount > (uint)indexLength)
        {
            throw new FormatException("block count exceeds the index size");
        }

        var blocks = new BlockHandle[blockCount];
        var position = indexOffset;
        var indexEnd = indexOffset + indexLength;
        var expectedOffset = 0;
        var index = file[..indexEnd];
        for (var i = 0; i < blocks.Length; i++)
        {
            var offset = Varint.ReadInt32(index, ref position);
            var length = Varint.ReadInt32(index, ref position);
            var count = Varint.ReadInt32(index, ref position);
            var firstKeyLength = Varint.ReadInt32(index, ref position);
            var firstKeyOffset = position;
            position = Skip(index, position, firstKeyLength);
            var lastKeyLength = Varint.ReadInt32(index, ref position);
            var lastKeyOffset = position;
            position = Skip(index, position, lastKeyLength);
            var digestOffset = hasDigests ? position : -1;
            position = hasDigests ? Skip(index, position, RangeFileFormat.BlockDigestLength) : position;
            if (offset != expectedOffset || count == 0 || (long)offset + length + RangeFileFormat.BlockChecksumLength > indexOffset)
            {
                throw new FormatException($"block {i} is out of place");
            }

            if (verifyBlocks && Crc32C.Compute(file.Slice(offset, length)) != BinaryPrimitives.ReadUInt32LittleEndian(file[(offset + length)..]))
            {
                throw new FormatException($"block {i} checksum mismatch");
            }

            blocks[i] = new BlockHandle(offset, length, count, firstKeyOffset, firstKeyLength, lastKeyOffset, lastKeyLength, digestOffset);
            expectedOffset = offset + length + RangeFileFormat.BlockChecksumLength;
        }

        if (position != indexEnd || expectedOffset != indexOffset)
        {
            throw new FormatException("index does not cover the data blocks exactly");
        }

        return blocks;
    }

    private static RangeFileProperties ReadProperties(ReadOnlySpan<byte> properties, ushort version)
    {
        if (properties.IsEmpty || properties[0] is not ((byte)RangeFileType.Range or (byte)RangeFileType.MetaRange))
        {
            throw new FormatException("unknown file type");
        }

        var position = 1;
        var count = Varint.Read(properties, ref position);
        var estimatedSize = Varint.Read(properties, ref position);
        var minKeyLength = Varint.ReadInt32(properties, ref position);
        position = Skip(properties, position, minKeyLength);
        var minKey = properties.Slice(position - minKeyLength, minKeyLength).ToArray();
        var maxKeyLength = Varint.ReadInt32(properties, ref position);
        position = Skip(properties, position, maxKeyLength);
        var maxKey = properties.Slice(position - maxKeyLength, maxKeyLength).ToArray();
        if (position != properties.Length || count > long.MaxValue || estimatedSize > long.MaxValue)
        {
            throw new FormatException("malformed properties");
        }

        return new RangeFileProperties((RangeFileType)properties[0], version, (long)count, (long)estimatedSize, minKey, maxKey);
    }

    private static int Skip(ReadOnlySpan<byte> span, int position, int length) =>
        (long)position + length <= span.Length ? position + length : throw new FormatException("truncated field");
}
