using BenchmarkDotNet.Attributes;
using Tarn.Versioning.Committed.RangeFiles;

namespace Tarn.Benchmarks.RangeFiles;

/// <summary>
/// Range file writing per entry: prefix-compressed encoding, block checksums and the SHA-256 content ID,
/// against copying the same bytes into a MemoryStream / FileStream. <see cref="AddEntries"/> is the hot
/// path (0 B per entry); <see cref="AddEntriesAndFinish"/> adds the one copy of the finished file.
/// </summary>
[MemoryDiagnoser]
public class RangeFileWriteBenchmarks
{
    private const int Entries = 10_000;

    private byte[][] _keys = [];
    private byte[][] _identities = [];
    private byte[][] _data = [];
    private RangeFileWriter _writer = null!;
    private MemoryStream _memory = null!;
    private FileStream _file = null!;
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        _keys = [.. Enumerable.Range(0, Entries).Select(BenchmarkRecords.Key)];
        _identities = [.. Enumerable.Range(0, Entries).Select(BenchmarkRecords.Identity)];
        _data = [.. Enumerable.Range(0, Entries).Select(BenchmarkRecords.Data)];
        _writer = new RangeFileWriter(RangeFileType.Range);
        _memory = new MemoryStream();
        _path = Path.GetTempFileName();
        _file = new FileStream(_path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _writer.Dispose();
        _file.Dispose();
        File.Delete(_path);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Entries)]
    public long MemoryStreamCopy()
    {
        _memory.Position = 0;
        for (var i = 0; i < Entries; i++)
        {
            _memory.Write(_keys[i]);
            _memory.Write(_identities[i]);
            _memory.Write(_data[i]);
        }

        return _memory.Position;
    }

    [Benchmark(OperationsPerInvoke = Entries)]
    public long FileStreamCopy()
    {
        _file.Position = 0;
        for (var i = 0; i < Entries; i++)
        {
            _file.Write(_keys[i]);
            _file.Write(_identities[i]);
            _file.Write(_data[i]);
        }

        _file.Flush();
        return _file.Position;
    }

    [Benchmark(OperationsPerInvoke = Entries)]
    public long AddEntries()
    {
        for (var i = 0; i < Entries; i++)
        {
            _writer.Add(_keys[i], _identities[i], _data[i]);
        }

        var size = _writer.EstimatedSize;
        _writer.Discard();
        return size;
    }

    [Benchmark(OperationsPerInvoke = Entries)]
    public string AddEntriesAndFinish()
    {
        for (var i = 0; i < Entries; i++)
        {
            _writer.Add(_keys[i], _identities[i], _data[i]);
        }

        return _writer.Finish().Id;
    }
}
