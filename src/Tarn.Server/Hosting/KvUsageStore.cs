using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Tarn.Api.Contracts;
using Tarn.Api.Usage;
using Tarn.Kv;

namespace Tarn.Server.Hosting;

/// <summary>Monthly API-call counts in the metadata store: key <c>yyyy-MM</c>, value a big-endian 64-bit count.</summary>
internal sealed class KvUsageStore(IKvStore kv) : IUsageStore
{
    private const string Partition = "usage";

    public async ValueTask AddAsync(int year, int month, long count, CancellationToken cancellationToken)
    {
        var key = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}"));
        while (true)
        {
            var current = await kv.GetAsync(Partition, key, cancellationToken);
            var next = new byte[8];
            BinaryPrimitives.WriteInt64BigEndian(next, (current is null ? 0 : BinaryPrimitives.ReadInt64BigEndian(current.Value)) + count);
            var predicate = current is null ? KvPredicate.Absent : KvPredicate.ValueIs(current.Value);
            if (await kv.SetIfAsync(Partition, key, next, predicate, cancellationToken))
            {
                return;
            }
        }
    }

    public async ValueTask<IReadOnlyList<UsageReport>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var reports = new List<UsageReport>();
        await foreach (var entry in kv.ScanAsync(Partition, "0"u8.ToArray(), cancellationToken))
        {
            var month = Encoding.ASCII.GetString(entry.Key);
            reports.Add(new UsageReport(
                int.Parse(month[..4], CultureInfo.InvariantCulture),
                int.Parse(month[5..], CultureInfo.InvariantCulture),
                BinaryPrimitives.ReadInt64BigEndian(entry.Value)));
        }

        return reports;
    }
}
