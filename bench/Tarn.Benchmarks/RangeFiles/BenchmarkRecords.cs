using System.Text;

namespace Tarn.Benchmarks.RangeFiles;

/// <summary>Realistic-looking records: object paths of ~45 bytes, 32-byte identities, ~120 bytes of entry data.</summary>
internal static class BenchmarkRecords
{
    public static byte[] Key(int i) => Encoding.UTF8.GetBytes($"tables/events/dt={i / 10_000:D5}/part-{i:D9}.parquet");

    public static byte[] Identity(int i)
    {
        var identity = new byte[32];
        BitConverter.TryWriteBytes(identity, i);
        identity[31] = 0xA5;
        return identity;
    }

    public static byte[] Data(int i)
    {
        var data = new byte[120];
        new Random(i).NextBytes(data);
        return data;
    }
}
