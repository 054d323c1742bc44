namespace Tarn.Versioning.Committed.RangeFiles;

/// <summary>
/// A finished range file whose content ID is still to be computed. Everything but the ID is known, so a
/// tree writer can go on in key order while another thread hashes and stores. The file's bytes stay in the
/// writer's pooled buffer until <see cref="Dispose"/>, so storing them needs no copy.
/// </summary>
public sealed class UnhashedRangeFile : IDisposable
{
    private readonly PooledBuffer _hashInput;
    private readonly PooledBuffer _content;
    private readonly BlockDigests _digests;
    private int _hashed;

    internal UnhashedRangeFile(PooledBuffer hashInput, PooledBuffer content, BlockDigests digests, RangeFileType type, long count, long estimatedSize, byte[] minKey, byte[] maxKey)
    {
        _hashInput = hashInput;
        _content = content;
        _digests = digests;
        Type = type;
        Count = count;
        EstimatedSize = estimatedSize;
        MinKey = minKey;
        MaxKey = maxKey;
    }

    public RangeFileType Type { get; }

    public long Count { get; }

    public long EstimatedSize { get; }

    public byte[] MinKey { get; }

    public byte[] MaxKey { get; }

    /// <summary>The file; complete once <see cref="ComputeId"/> has run, valid until <see cref="Dispose"/>.</summary>
    public ReadOnlyMemory<byte> Content => _content.WrittenMemory;

    /// <summary>
    /// Computes the content ID (lowercase hex SHA-256, as <see cref="WrittenRangeFile.Id"/>) and completes the
    /// file (block digests, footer checksum). Runs once, on any thread.
    /// </summary>
    public string ComputeId()
    {
        if (Interlocked.Exchange(ref _hashed, 1) != 0)
        {
            throw new InvalidOperationException("the range file was already hashed");
        }

        try
        {
            _digests.Seal(_content.WrittenSpanMutable);
            return ContentIdHasher.Hash(_hashInput);
        }
        finally
        {
            _hashInput.Dispose();
        }
    }

    /// <summary>Returns the pooled buffers; <see cref="Content"/> is invalid afterwards.</summary>
    public void Dispose()
    {
        _hashInput.Dispose();
        _content.Dispose();
    }
}
