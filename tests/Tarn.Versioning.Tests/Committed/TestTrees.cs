using System.Text;
using Tarn.Blocks;
using Tarn.Versioning.Committed;
using Tarn.Versioning.Model;

namespace Tarn.Versioning.Tests.Committed;

/// <summary>Small builders shared by the committed-storage tests.</summary>
internal static class TestTrees
{
    public static readonly StorageNamespace Namespace = StorageNamespace.Parse("mem://repo/ns");

    public static byte[] K(string key) => Encoding.UTF8.GetBytes(key);

    public static string S(byte[] key) => Encoding.UTF8.GetString(key);

    /// <summary>A value whose identity is derived from <paramref name="content"/> and whose data also names <paramref name="address"/>.</summary>
    public static Value V(string content, string address = "") =>
        new(Encoding.UTF8.GetBytes("id:" + content), Encoding.UTF8.GetBytes($"data:{content}:{address}"));

    public static string ContentOf(Value value) => Encoding.UTF8.GetString(value.Identity)[3..];

    public static string Key(int i) => $"key/{i:D7}";

    /// <summary>Options with small ranges so modest trees have many ranges.</summary>
    public static CommittedManagerOptions SmallRanges(int modulus = 16) => new() { SplitModulus = modulus, BlockSizeBytes = 256 };

    public static ListIterator Changes(params (string Key, Value? Value)[] changes) =>
        new([.. changes.Select(c => new ValueRecord(K(c.Key), c.Value))]);

    public static ListIterator Changes(IEnumerable<KeyValuePair<string, Value?>> changes) =>
        new([.. changes.Select(c => new ValueRecord(K(c.Key), c.Value))]);

    public static async Task<MetaRangeId> CreateAsync(CommittedManager manager, IEnumerable<KeyValuePair<string, Value>> records)
    {
        var changes = new ListIterator([.. records.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new ValueRecord(K(r.Key), r.Value))]);
        var (id, _) = await manager.ApplyAsync(Namespace, MetaRangeId.Empty, changes, new ApplyOptions(AllowEmpty: true), TestContext.Current.CancellationToken);
        return id;
    }

    public static Task<MetaRangeId> CreateAsync(CommittedManager manager, params (string Key, string Content)[] records) =>
        CreateAsync(manager, records.Select(r => KeyValuePair.Create(r.Key, V(r.Content))));

    public static async Task<List<(string Key, string Content)>> ReadAllAsync(CommittedManager manager, MetaRangeId id)
    {
        var result = new List<(string, string)>();
        await using var iterator = manager.OpenIterator(Namespace, id);
        while (await iterator.MoveNextAsync(TestContext.Current.CancellationToken))
        {
            result.Add((S(iterator.Current.Key), ContentOf(iterator.Current.Value!)));
        }

        return result;
    }

    public static async Task<List<(DiffType Type, string Key, string Content)>> ReadAllAsync(IDiffIterator iterator)
    {
        var result = new List<(DiffType, string, string)>();
        await using (iterator)
        {
            while (await iterator.MoveNextAsync(TestContext.Current.CancellationToken))
            {
                result.Add((iterator.Current.Type, S(iterator.Current.Key), ContentOf(iterator.Current.Value)));
            }
        }

        return result;
    }
}
