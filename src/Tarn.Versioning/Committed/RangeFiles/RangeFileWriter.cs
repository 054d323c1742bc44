using System.Buffers;
using System.Buffers.Binary;

namespace Tarn.Versioning.Committed.RangeFiles;

/// <summary>
/// Writes one immutable range file at a time from records added in strictly ascending key order (keys
/// compare as unsigned bytes). Records go straight into a pooled buffer as prefix-compressed data blocks;
/// the block index, properties and footer are appended by <see cref="Finish"/>, which also yields the
/// content ID computed along the way. The writer is reusable: after <see cref="Finish"/> it starts a new
/// file with the buffers it already has, so steady-state writing allocates nothing per record.
/// </summary>
public sealed class RangeFileWriter : IDisposable
{
    private const int InitialFileCapacity = 64 * 1024;

    private readonly int _blockSize;
    private PooledBuffer _file = new(InitialFileCapacity);
    private readonly PooledBuffer _index = new(4 * 1024);
    private readonly List<int> _blockDigestPlan = [];
    private readonly PooledBuffer _minKey = new(256);
    private readonly PooledBuffer _blockFirstKey = new(256);
    private readonly ContentIdHasher _hasher = new();
    private byte[] _lastKey = ArrayPool<byte>.Shared.Rent(256);
    private int _lastKeyLength;
    private int _blockStart;
    private int _blockRecords;
    private int _blockCount;

    /// <param name="type">Whether the file holds records of a tree or range headers.</param>
    /// <param name="blockSize">Close a data block once it holds at least this many bytes (a block always holds at least one record).</param>
    public RangeFileWriter(RangeFileType type, int blockSize = RangeFileFormat.DefaultBlockSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 64);
        _ = RangeFileFormat.TypeName(type);
        Type = type;
        _blockSize = blockSize;
    }

    public RangeFileType Type { get; }

    /// <summary>Records added to the current file.</summary>
    public long Count { get; private set; }

    /// <summary>Sum of key, identity and data lengths added to the current file (what splitting decisions use).</summary>
    public long EstimatedSize { get; private set; }

    /// <summary>The last key added to the current file (empty before the first).</summary>
    public ReadOnlySpan<byte> LastKey => _lastKey.AsSpan(0, _lastKeyLength);

    /// <summary>Appends a record. Throws <see cref="ArgumentException"/> unless <paramref name="key"/> is greater than the last key.</summary>
    public void Add(ReadOnlySpan<byte> key, ReadOnlySpan<byte> identity, ReadOnlySpan<byte> data)
    {
        if (Count > 0 && key.SequenceCompareTo(LastKey) <= 0)
        {
            throw new ArgumentException("range file keys must be added in strictly ascending order", nameof(key));
        }

        var shared = _blockRecords == 0 ? 0 : key.CommonPrefixLength(LastKey);
        var suffix = key[shared..];
        var header = _file.GetSpan(4 * Varint.MaxLength);
        var used = Varint.Write(header, (ulong)shared);
        used += Varint.Write(header[used..], (ulong)suffix.Length);
        used += Varint.Write(header[used..], (ulong)identity.Length);
        used += Varint.Write(header[used..], (ulong)data.Length);
        _file.Advance(used);
        _file.Write(suffix);
        _file.Write(identity);
        _file.Write(data);

        if (_blockRecords == 0)
        {
            _blockFirstKey.Clear();
            _blockFirstKey.Write(key);
        }

        if (Count == 0)
        {
            _minKey.Write(key);
        }

        SetLastKey(key);
        _blockRecords++;
        Count++;
        EstimatedSize += key.Length + identity.Length + data.Length;
        _hasher.AddRecord(key, identity, data);

        if (_file.Length - _blockStart >= _blockSize)
        {
            CloseBlock();
        }
    }

    /// <summary>Completes the current file, returns it, and makes the writer ready for the next one.</summary>
    public WrittenRangeFile Finish()
    {
        CompleteFile().Seal(_file.WrittenSpanMutable);
        var content = _file.WrittenSpan.ToArray();
        var result = new WrittenRangeFile(_hasher.Finish(Type), content, Type, Count, EstimatedSize, _minKey.WrittenSpan.ToArray(), LastKey.ToArray());
        Reset();
        return result;
    }

    /// <summary>
    /// Completes the current file like <see cref="Finish"/> but leaves its content ID to compute
    /// (<see cref="UnhashedRangeFile.ComputeId"/>), so hashing can run on another thread while this writer
    /// starts the next file. The file's buffer goes with it (storing it needs no copy); the writer continues
    /// in a new one of the same size.
    /// </summary>
    public UnhashedRangeFile FinishUnhashed()
    {
        var digests = CompleteFile();
        var content = _file;
        _file = new PooledBuffer(Math.Max(InitialFileCapacity, content.Length));
        var result = new UnhashedRangeFile(_hasher.TakeInput(Type), content, digests, Type, Count, EstimatedSize, _minKey.WrittenSpan.ToArray(), LastKey.ToArray());
        Reset();
        return result;
    }

    /// <summary>Abandons the current file (nothing is produced) and makes the writer ready for the next one.</summary>
    public void Discard()
    {
        _hasher.Reset();
        Reset();
    }

    public void Dispose()
    {
        _file.Dispose();
        _index.Dispose();
        _minKey.Dispose();
        _blockFirstKey.Dispose();
        _hasher.Dispose();
        if (_lastKey.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_lastKey);
            _lastKey = [];
        }
    }

    /// <summary>
    /// Closes the last block and appends index, properties and footer to the file's buffer; block digests and
    /// the footer checksum are left to the returned <see cref="BlockDigests"/>.
    /// </summary>
    private BlockDigests CompleteFile()
    {
        if (_blockRecords > 0)
        {
            CloseBlock();
        }

        var indexOffset = _file.Length;
        _file.Write(_index.WrittenSpan);
        var plan = _blockDigestPlan.ToArray();
        for (var i = 2; i < plan.Length; i += 3)
        {
            plan[i] += indexOffset;
        }

        var propertiesOffset = _file.Length;
        _file.Write([(byte)Type]);
        _file.WriteVarint((ulong)Count);
        _file.WriteVarint((ulong)EstimatedSize);
        _file.WriteVarint((ulong)_minKey.Length);
        _file.Write(_minKey.WrittenSpan);
        _file.WriteVarint((ulong)_lastKeyLength);
        _file.Write(LastKey);
        var footerOffset = _file.Length;
        WriteFooter(indexOffset, propertiesOffset - indexOffset, footerOffset - propertiesOffset);
        return new BlockDigests(plan, indexOffset, footerOffset);
    }

    private void CloseBlock()
    {
        var blockLength = _file.Length - _blockStart;
        var checksum = Crc32C.Compute(_file.WrittenSpan.Slice(_blockStart, blockLength));
        BinaryPrimitives.WriteUInt32LittleEndian(_file.GetSpan(RangeFileFormat.BlockChecksumLength), checksum);
        _file.Advance(RangeFileFormat.BlockChecksumLength);

        _index.WriteVarint((ulong)_blockStart);
        _index.WriteVarint((ulong)blockLength);
        _index.WriteVarint((ulong)_blockRecords);
        _index.WriteVarint((ulong)_blockFirstKey.Length);
        _index.Write(_blockFirstKey.WrittenSpan);
        _index.WriteVarint((ulong)_lastKeyLength);
        _index.Write(LastKey);
        // The digest is computed when the file is sealed (BlockDigests); its slot's offset is index-relative until then.
        _blockDigestPlan.Add(_blockStart);
        _blockDigestPlan.Add(blockLength);
        _blockDigestPlan.Add(_index.Length);
        _index.GetSpan(RangeFileFormat.BlockDigestLength)[..RangeFileFormat.BlockDigestLength].Clear();
        _index.Advance(RangeFileFormat.BlockDigestLength);

        _blockCount++;
        _blockRecords = 0;
        _blockStart = _file.Length;
    }

    private void WriteFooter(int indexOffset, int indexLength, int propertiesLength)
    {
        var footer = _file.GetSpan(RangeFileFormat.FooterLength)[..RangeFileFormat.FooterLength];
        BinaryPrimitives.WriteUInt64LittleEndian(footer, (ulong)indexOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(footer[8..], (uint)indexLength);
        BinaryPrimitives.WriteUInt32LittleEndian(footer[12..], (uint)propertiesLength);
        BinaryPrimitives.WriteUInt32LittleEndian(footer[16..], (uint)_blockCount);
        BinaryPrimitives.WriteUInt16LittleEndian(footer[20..], RangeFileFormat.Version);
        BinaryPrimitives.WriteUInt16LittleEndian(footer[22..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(footer[24..], 0); // checksum: written by BlockDigests.Seal
        RangeFileFormat.Magic.CopyTo(footer[28..]);
        _file.Advance(RangeFileFormat.FooterLength);
    }

    private void SetLastKey(ReadOnlySpan<byte> key)
    {
        if (key.Length > _lastKey.Length)
        {
            ArrayPool<byte>.Shared.Return(_lastKey);
            _lastKey = ArrayPool<byte>.Shared.Rent(key.Length);
        }

        key.CopyTo(_lastKey);
        _lastKeyLength = key.Length;
    }

    private void Reset()
    {
        _file.Clear();
        _index.Clear();
        _blockDigestPlan.Clear();
        _minKey.Clear();
        _blockFirstKey.Clear();
        _lastKeyLength = 0;
        _blockStart = 0;
        _blockRecords = 0;
        _blockCount = 0;
        Count = 0;
        EstimatedSize = 0;
    }
}
