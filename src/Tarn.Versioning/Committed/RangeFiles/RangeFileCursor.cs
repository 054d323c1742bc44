namespace Tarn.Versioning.Committed.RangeFiles;

/// <summary>
/// A forward cursor over one range file's records. Keys are rebuilt from the block's prefix compression
/// into a buffer owned by the cursor; identity and data are slices of the file bytes. Everything the
/// cursor exposes stays valid only until the next <see cref="MoveNext"/> or <see cref="SeekGE"/>.
/// </summary>
public sealed class RangeFileCursor
{
    private RangeFileReader _reader;
    private byte[] _key = new byte[64];
    private int _keyLength;
    private int _block = -1;
    private int _position;
    private int _blockEnd;
    private int _identityOffset;
    private int _identityLength;
    private int _dataOffset;
    private int _dataLength;
    private bool _peeked;
    private bool _atEnd;

    internal RangeFileCursor(RangeFileReader reader) => _reader = reader;

    public ReadOnlySpan<byte> Key => _key.AsSpan(0, _keyLength);

    /// <summary>The key as memory over the cursor's buffer (for APIs that cannot take spans).</summary>
    public ReadOnlyMemory<byte> KeyMemory => _key.AsMemory(0, _keyLength);

    public ReadOnlySpan<byte> Identity => _reader.File.Span.Slice(_identityOffset, _identityLength);

    public ReadOnlyMemory<byte> IdentityMemory => _reader.File.Slice(_identityOffset, _identityLength);

    public ReadOnlySpan<byte> Data => _reader.File.Span.Slice(_dataOffset, _dataLength);

    public ReadOnlyMemory<byte> DataMemory => _reader.File.Slice(_dataOffset, _dataLength);

    /// <summary>Moves to the next record; false after the last one.</summary>
    public bool MoveNext()
    {
        if (_peeked)
        {
            _peeked = false;
            return true;
        }

        if (_atEnd)
        {
            return false;
        }

        while (_position >= _blockEnd)
        {
            if (++_block >= _reader.BlockCount)
            {
                _atEnd = true;
                return false;
            }

            EnterBlock(_block);
        }

        DecodeRecord();
        return true;
    }

    /// <summary>Positions the cursor so the next <see cref="MoveNext"/> yields the first record with key &gt;= <paramref name="key"/>.</summary>
    public void SeekGE(ReadOnlySpan<byte> key)
    {
        _peeked = false;
        _block = _reader.FindBlock(key);
        if (_block >= _reader.BlockCount)
        {
            _atEnd = true;
            return;
        }

        _atEnd = false;
        EnterBlock(_block);

        // The block's last key is >= key, so the scan stops inside this block.
        do
        {
            DecodeRecord();
        }
        while (Key.SequenceCompareTo(key) < 0);

        _peeked = true;
    }

    /// <summary>
    /// When both cursors stand just past the last record of a block, skips the blocks that follow while they
    /// are equal on both sides, and returns how many were skipped. Blocks restart key compression, so equal
    /// bytes mean equal records: a diff need not decode them. Blocks compare by their SHA-256 digests when
    /// both files have them (format 2), else byte by byte. Callers must have both cursors after the same key,
    /// so the skipped records sit at the same place in both key orders.
    /// </summary>
    internal static int SkipEqualBlocks(RangeFileCursor a, RangeFileCursor b)
    {
        var skipped = 0;
        while (a.AtBlockBoundary && b.AtBlockBoundary && a._block + 1 < a._reader.BlockCount && b._block + 1 < b._reader.BlockCount)
        {
            ref readonly var nextA = ref a._reader.Block(a._block + 1);
            ref readonly var nextB = ref b._reader.Block(b._block + 1);
            if (!BlocksEqual(a._reader, nextA, b._reader, nextB))
            {
                break;
            }

            a.PassBlock(nextA);
            b.PassBlock(nextB);
            skipped++;
        }

        return skipped;
    }

    /// <summary>
    /// Both cursors stand on records with the same key: moves both over the following records of their current
    /// blocks while those are encoded identically, and returns how many were passed. With the same previous
    /// key, identical encodings mean identical records, so a diff need not compare them one by one. The cursors
    /// stay on the last record passed (equal on both sides), as if moved with <see cref="MoveNext"/>.
    /// </summary>
    internal static int SkipEqualRecords(RangeFileCursor a, RangeFileCursor b)
    {
        var passed = 0;
        if (a._peeked || b._peeked)
        {
            return 0;
        }

        var fileA = a._reader.File.Span[..a._blockEnd];
        var fileB = b._reader.File.Span[..b._blockEnd];
        while (a._position < a._blockEnd && b._position < b._blockEnd)
        {
            // One header is parsed: equal bytes on the other side mean the same header there.
            var position = a._position;
            var shared = Varint.ReadInt32(fileA, ref position);
            var suffixLength = Varint.ReadInt32(fileA, ref position);
            var identityLength = Varint.ReadInt32(fileA, ref position);
            var dataLength = Varint.ReadInt32(fileA, ref position);
            var headerLength = position - a._position;
            var length = (long)headerLength + suffixLength + identityLength + dataLength;
            if (shared > a._keyLength || a._position + length > a._blockEnd || b._position + length > b._blockEnd
                || !fileA.Slice(a._position, (int)length).SequenceEqual(fileB.Slice(b._position, (int)length)))
            {
                break;
            }

            a.Pass(headerLength, shared, suffixLength, identityLength, dataLength, rebuildKey: true);
            b.Pass(headerLength, shared, suffixLength, identityLength, dataLength, rebuildKey: false);
            passed++;
        }

        if (passed > 0)
        {
            // b's key was left behind while passing; both stand on the same record now.
            if (b._key.Length < a._keyLength)
            {
                Array.Resize(ref b._key, a._key.Length);
            }

            a.Key.CopyTo(b._key);
            b._keyLength = a._keyLength;
        }

        return passed;
    }

    // Moves over a record whose header is already parsed and checked; rebuilds the key only when asked.
    private void Pass(int headerLength, int shared, int suffixLength, int identityLength, int dataLength, bool rebuildKey)
    {
        _position += headerLength;
        if (rebuildKey)
        {
            var keyLength = shared + suffixLength;
            if (keyLength > _key.Length)
            {
                Array.Resize(ref _key, Math.Max(keyLength, _key.Length * 2));
            }

            _reader.File.Span.Slice(_position, suffixLength).CopyTo(_key.AsSpan(shared));
            _keyLength = keyLength;
        }

        _position += suffixLength;
        _identityOffset = _position;
        _identityLength = identityLength;
        _position += identityLength;
        _dataOffset = _position;
        _dataLength = dataLength;
        _position += dataLength;
    }

    private static bool BlocksEqual(RangeFileReader readerA, in BlockHandle a, RangeFileReader readerB, in BlockHandle b)
    {
        if (a.Length != b.Length || a.RecordCount != b.RecordCount)
        {
            return false;
        }

        return a.DigestOffset >= 0 && b.DigestOffset >= 0
            ? readerA.File.Span.Slice(a.DigestOffset, RangeFileFormat.BlockDigestLength).SequenceEqual(readerB.File.Span.Slice(b.DigestOffset, RangeFileFormat.BlockDigestLength))
            : readerA.File.Span.Slice(a.Offset, a.Length).SequenceEqual(readerB.File.Span.Slice(b.Offset, b.Length));
    }

    /// <summary>Points the cursor at the start of <paramref name="reader"/>, keeping its key buffer.</summary>
    public void Reset(RangeFileReader reader)
    {
        _reader = reader;
        _block = -1;
        _position = 0;
        _blockEnd = 0;
        _keyLength = 0;
        _peeked = false;
        _atEnd = false;
    }

    // Just past a block's last record (not before the first block, whose first record is not decoded yet).
    private bool AtBlockBoundary => !_peeked && !_atEnd && _block >= 0 && _position >= _blockEnd;

    // Stands just past the following block without decoding it; the next MoveNext enters the block after.
    private void PassBlock(in BlockHandle handle)
    {
        _block++;
        _position = handle.Offset + handle.Length;
        _blockEnd = _position;
    }

    private void EnterBlock(int block)
    {
        ref readonly var handle = ref _reader.Block(block);
        _position = handle.Offset;
        _blockEnd = handle.Offset + handle.Length;
        _keyLength = 0;
    }

    private void DecodeRecord()
    {
        var span = _reader.File.Span[.._blockEnd];
        var position = _position;
        var shared = Varint.ReadInt32(span, ref position);
        var suffixLength = Varint.ReadInt32(span, ref position);
        var identityLength = Varint.ReadInt32(span, ref position);
        var dataLength = Varint.ReadInt32(span, ref position);
        if (shared > _keyLength || (long)position + suffixLength + identityLength + dataLength > _blockEnd)
        {
            throw new RangeFileCorruptException("record overruns its block");
        }

        Pass(position - _position, shared, suffixLength, identityLength, dataLength, rebuildKey: true);
    }
}
