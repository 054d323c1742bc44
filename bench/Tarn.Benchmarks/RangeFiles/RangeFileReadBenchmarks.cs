using BenchmarkDotNet.Attributes;
using Tarn.Versioning.Committed.RangeFiles;

namespace Tarn.Benchmarks.RangeFiles;

/// <summary>
/// Range file reading per entry: a full forward scan (prefix-compressed keys rebuilt, values sliced, no
/// copies) and point lookups, against reading the same bytes back from a MemoryStream.
/// </summary>
[MemoryDiagnoser]
public class RangeFileReadBenchmarks
{
    private const int Entries = 10_000;

    private RangeFileReader _reader = null!;
    private RangeFileCursor _cursor = null!;
    private MemoryStream _memory = null!;
    private byte[] _buffer = [];
    private int[] _recordLengths = [];
    private byte[][] _probes = [];

    [GlobalSetup]
    public void Setup()
    {
        using var writer = new RangeFileWriter(RangeFileType.Range);
        _memory = new MemoryStream();
        _recordLengths = new int[Entries];
        for (var i = 0; i < Entries; i++)
        {
            var (key, identity, data) = (BenchmarkRecords.Key(i), BenchmarkRecords.Identity(i), BenchmarkRecords.Data(i));
            writer.Add(key, identity, data);
            _memory.Write(key);
            _memory.Write(identity);
            _memory.Write(data);
            _recordLengths[i] = key.Length + identity.Length + data.Length;
        }

        _reader = RangeFileReader.Open(writer.Finish().Content);
        _cursor = _reader.CreateCursor();
        _buffer = new byte[_recordLengths.Max()];
        var random = new Random(42);
        _probes = [.. Enumerable.Range(0, Entries).Select(_ => BenchmarkRecords.Key(random.Next(Entries)))];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Entries)]
    public long MemoryStreamRead()
    {
        _memory.Position = 0;
        long total = 0;
        foreach (var length in _recordLengths)
        {
            total += _memory.Read(_buffer, 0, length);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Entries)]
    public long Scan()
    {
        _cursor.Reset(_reader);
        long total = 0;
        while (_cursor.MoveNext())
        {
            total += _cursor.Key.Length + _cursor.Identity.Length + _cursor.Data.Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Entries)]
    public int SeekGE()
    {
        var found = 0;
        foreach (var probe in _probes)
        {
            _cursor.SeekGE(probe);
            found += _cursor.MoveNext() ? 1 : 0;
        }

        return found;
    }
}
