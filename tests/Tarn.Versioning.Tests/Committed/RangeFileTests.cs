using System.Text;
using Tarn.Core;
using Tarn.Versioning.Committed.RangeFiles;

namespace Tarn.Versioning.Tests.Committed;

public sealed class RangeFileTests
{
    private static WrittenRangeFile Write(IEnumerable<(byte[] Key, byte[] Identity, byte[] Data)> records, int blockSize = 256, RangeFileType type = RangeFileType.Range)
    {
        using var writer = new RangeFileWriter(type, blockSize);
        foreach (var (key, identity, data) in records)
        {
            writer.Add(key, identity, data);
        }

        return writer.Finish();
    }

    private static List<(byte[] Key, byte[] Identity, byte[] Data)> Records(int count, int dataSize = 20) =>
        [.. Enumerable.Range(0, count).Select(i => (TestTrees.K($"k/{i:D6}"), TestTrees.K($"id{i}"), new byte[dataSize].Select((_, j) => (byte)(i + j)).ToArray()))];

    private static List<(byte[] Key, byte[] Identity, byte[] Data)> ReadAll(RangeFileReader reader)
    {
        var cursor = reader.CreateCursor();
        var result = new List<(byte[], byte[], byte[])>();
        while (cursor.MoveNext())
        {
            result.Add((cursor.Key.ToArray(), cursor.Identity.ToArray(), cursor.Data.ToArray()));
        }

        return result;
    }

    private static void AssertSame(List<(byte[] Key, byte[] Identity, byte[] Data)> expected, List<(byte[] Key, byte[] Identity, byte[] Data)> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Key, actual[i].Key);
            Assert.Equal(expected[i].Identity, actual[i].Identity);
            Assert.Equal(expected[i].Data, actual[i].Data);
        }
    }

    [Fact]
    public void Crc32C_matches_the_standard_check_value()
    {
        Assert.Equal(0xE3069283u, Crc32C.Compute("123456789"u8));
        Assert.Equal(Crc32C.Compute("123456789"u8), Crc32C.Append(Crc32C.Compute("1234"u8), "56789"u8));
    }

    [Fact]
    public void Empty_file_round_trips()
    {
        var file = Write([]);
        var reader = RangeFileReader.Open(file.Content);
        Assert.Equal(0, reader.Properties.Count);
        Assert.Equal(0, reader.BlockCount);
        Assert.Empty(reader.Properties.MinKey);
        Assert.Empty(ReadAll(reader));
        Assert.False(reader.TryGet("a"u8, out _, out _));
        var cursor = reader.CreateCursor();
        cursor.SeekGE(""u8);
        Assert.False(cursor.MoveNext());
        Assert.Matches("^[0-9a-f]{64}$", file.Id);
    }

    [Fact]
    public void Single_record_round_trips_with_properties()
    {
        var file = Write([(TestTrees.K("only"), [1, 2, 3], [9])]);
        var reader = RangeFileReader.Open(file.Content);
        Assert.Equal(RangeFileType.Range, reader.Properties.Type);
        Assert.Equal(1, reader.Properties.Count);
        Assert.Equal(8, reader.Properties.EstimatedSize);
        Assert.Equal(TestTrees.K("only"), reader.Properties.MinKey);
        Assert.Equal(TestTrees.K("only"), reader.Properties.MaxKey);
        Assert.True(reader.TryGet("only"u8, out var identity, out var data));
        Assert.Equal([1, 2, 3], identity.ToArray());
        Assert.Equal([9], data.ToArray());
    }

    [Fact]
    public void Many_blocks_round_trip_and_lookups_find_every_key()
    {
        var records = Records(2000);
        var file = Write(records);
        var reader = RangeFileReader.Open(file.Content);
        Assert.True(reader.BlockCount > 50);
        AssertSame(records, ReadAll(reader));
        foreach (var (key, identity, _) in records)
        {
            Assert.True(reader.TryGet(key, out var found, out _));
            Assert.Equal(identity, found.ToArray());
        }

        Assert.False(reader.TryGet("k/000000x"u8, out _, out _));
        Assert.False(reader.TryGet("zzz"u8, out _, out _));
        Assert.False(reader.TryGet(""u8, out _, out _));
    }

    [Fact]
    public void Large_values_and_empty_values_round_trip()
    {
        var big = new byte[300_000];
        new Random(7).NextBytes(big);
        List<(byte[], byte[], byte[])> records = [(TestTrees.K("a"), [], []), (TestTrees.K("b"), big, big), (TestTrees.K("c"), [1], [])];
        var reader = RangeFileReader.Open(Write(records).Content);
        AssertSame(records, ReadAll(reader));
    }

    [Fact]
    public void Binary_keys_with_zero_and_ff_bytes_keep_unsigned_byte_order()
    {
        List<(byte[], byte[], byte[])> records =
        [
            ([], [1], [1]),
            ([0x00], [2], [2]),
            ([0x00, 0x00], [3], [3]),
            ([0x00, 0xFF], [4], [4]),
            ([0x7F], [5], [5]),
            ([0x80], [6], [6]),
            ([0xFF], [7], [7]),
            ([0xFF, 0x00], [8], [8]),
            ([0xFF, 0xFF, 0xFF], [9], [9]),
        ];
        var reader = RangeFileReader.Open(Write(records, blockSize: 64).Content);
        AssertSame(records, ReadAll(reader));
        Assert.True(reader.TryGet([0x00, 0xFF], out var identity, out _));
        Assert.Equal([4], identity.ToArray());
        Assert.True(reader.TryGet([], out identity, out _));
        Assert.Equal([1], identity.ToArray());
    }

    [Fact]
    public void Keys_out_of_order_or_duplicated_are_refused()
    {
        using var writer = new RangeFileWriter(RangeFileType.Range);
        writer.Add("b"u8, [], []);
        Assert.Throws<ArgumentException>(() => writer.Add("b"u8, [], []));
        Assert.Throws<ArgumentException>(() => writer.Add("a"u8, [], []));
    }

    [Fact]
    public void SeekGE_lands_on_the_right_record_at_every_boundary()
    {
        // Even keys only, so every odd key falls between two records (and often between two blocks).
        var records = Enumerable.Range(0, 400).Select(i => (TestTrees.K($"k{i * 2:D5}"), TestTrees.K($"{i}"), new byte[30])).ToList();
        var reader = RangeFileReader.Open(Write(records, blockSize: 128).Content);
        Assert.True(reader.BlockCount > 20);
        var cursor = reader.CreateCursor();
        for (var probe = -1; probe <= 800; probe++)
        {
            var key = probe < 0 ? "k"u8.ToArray() : TestTrees.K($"k{probe:D5}");
            cursor.SeekGE(key);
            var expectedIndex = probe < 0 ? 0 : (probe + 1) / 2;
            if (expectedIndex >= records.Count)
            {
                Assert.False(cursor.MoveNext());
                continue;
            }

            Assert.True(cursor.MoveNext());
            Assert.Equal(records[expectedIndex].Item1, cursor.Key.ToArray());
            // Iteration continues correctly after a seek, across block boundaries.
            if (expectedIndex + 1 < records.Count)
            {
                Assert.True(cursor.MoveNext());
                Assert.Equal(records[expectedIndex + 1].Item1, cursor.Key.ToArray());
            }
        }
    }

    [Fact]
    public void Content_id_depends_on_content_only()
    {
        var records = Records(500);
        var a = Write(records, blockSize: 128);
        var b = Write(records, blockSize: 4096);
        Assert.Equal(a.Id, b.Id);
        Assert.NotEqual(a.Content.Length, b.Content.Length);

        var changedData = records.ToList();
        changedData[250] = (changedData[250].Key, changedData[250].Identity, [1]);
        Assert.NotEqual(a.Id, Write(changedData).Id);

        var changedIdentity = records.ToList();
        changedIdentity[0] = (changedIdentity[0].Key, [0xAB], changedIdentity[0].Data);
        Assert.NotEqual(a.Id, Write(changedIdentity).Id);

        Assert.NotEqual(a.Id, Write(records.Take(499)).Id);
        Assert.NotEqual(a.Id, Write(records, type: RangeFileType.MetaRange).Id);
    }

    [Fact]
    public void Content_id_is_the_documented_hash()
    {
        // decimal(len(key)) key "|" decimal(len(value)) value "|" with value = zigzag(len id) id zigzag(len data) data,
        // then the string map {"type": "ranges"} (docs/range-format.md, "Data block").
        var expected = new List<byte>();
        expected.AddRange("1a|5"u8.ToArray());
        expected.AddRange(new byte[] { 4, 1, 2, 2, 3 });
        expected.AddRange("|"u8.ToArray());
        expected.Add(0x04);
        expected.AddRange(new byte[] { 0x02, 0x08, 0, 0, 0, 0, 0, 0, 0, 1 });
        foreach (var text in new[] { "type", "ranges" })
        {
            expected.Add(0x01);
            expected.AddRange(new byte[] { 0x02, 0x08, 0, 0, 0, 0, 0, 0, 0, (byte)text.Length });
            expected.AddRange(Encoding.UTF8.GetBytes(text));
        }

        var file = Write([(TestTrees.K("a"), [1, 2], [3])]);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([.. expected])), file.Id);
    }

    [Fact]
    public void Content_id_of_records_larger_than_the_hash_buffer_is_stable()
    {
        var big = new byte[200_000];
        new Random(3).NextBytes(big);
        var a = Write([(TestTrees.K("a"), big, big), (TestTrees.K("b"), [], big)]);
        var b = Write([(TestTrees.K("a"), big, big), (TestTrees.K("b"), [], big)], blockSize: 64 * 1024);
        Assert.Equal(a.Id, b.Id);
    }

    [Fact]
    public void Content_id_frames_fields_so_moving_bytes_between_them_changes_it()
    {
        var a = Write([(TestTrees.K("ab"), TestTrees.K("c"), [])]);
        var b = Write([(TestTrees.K("a"), TestTrees.K("bc"), [])]);
        var c = Write([(TestTrees.K("ab"), [], TestTrees.K("c"))]);
        Assert.Equal(3, new[] { a.Id, b.Id, c.Id }.Distinct().Count());
    }

    [Fact]
    public void Writer_is_reusable_after_finish()
    {
        using var writer = new RangeFileWriter(RangeFileType.Range, 128);
        foreach (var (key, identity, data) in Records(300))
        {
            writer.Add(key, identity, data);
        }

        var first = writer.Finish();
        foreach (var (key, identity, data) in Records(300))
        {
            writer.Add(key, identity, data);
        }

        var second = writer.Finish();
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Content, second.Content);
    }

    [Fact]
    public void A_file_finished_unhashed_has_the_id_and_bytes_of_a_finished_one()
    {
        using var writer = new RangeFileWriter(RangeFileType.Range, 128);
        var finished = new List<WrittenRangeFile>();
        var unhashed = new List<UnhashedRangeFile>();
        for (var round = 0; round < 3; round++)
        {
            // Interleaved and of different sizes: each unhashed file keeps its own buffers while the writer goes on.
            foreach (var (key, identity, data) in Records(100 * (round + 1)))
            {
                writer.Add(key, identity, data);
            }

            unhashed.Add(writer.FinishUnhashed());
            foreach (var (key, identity, data) in Records(100 * (round + 1)))
            {
                writer.Add(key, identity, data);
            }

            finished.Add(writer.Finish());
        }

        for (var i = 0; i < finished.Count; i++)
        {
            using var file = unhashed[i];
            Assert.Equal(finished[i].Id, file.ComputeId());
            Assert.Equal(finished[i].Content, file.Content.ToArray());
            Assert.Equal((finished[i].Count, finished[i].EstimatedSize), (file.Count, file.EstimatedSize));
            Assert.Equal(finished[i].MinKey, file.MinKey);
            Assert.Equal(finished[i].MaxKey, file.MaxKey);
            Assert.Throws<InvalidOperationException>(() => file.ComputeId());
        }
    }

    [Fact]
    public void Files_of_format_1_without_block_digests_are_still_read_and_diffed_byte_by_byte()
    {
        // Written by format 1 (block size 64): records k/000..k/011 -> id<i>, data-<i>; the ID does not depend on the format.
        const string Version1 =
            "AAUDBmsvMDAwaWQwZGF0YS0wBAEDBjFpZDFkYXRhLTEEAQMGMmlkMmRhdGEtMgQBAwYzaWQzZGF0YS0zBAEDBjRpZDRkYXRhLTRd1rUXAAUDBmsvMDA1aWQ1ZGF0YS01BAEDBjZpZDZkYXRhLTYE" +
            "AQMGN2lkN2RhdGEtNwQBAwY4aWQ4ZGF0YS04BAEDBjlpZDlkYXRhLTlllhCAAAUEB2svMDEwaWQxMGRhdGEtMTAEAQQHMWlkMTFkYXRhLTExvPQtWQBKBQVrLzAwMAVrLzAwNE5KBQVrLzAwNQVr" +
            "LzAwOZwBJAIFay8wMTAFay8wMTEBDKwBBWsvMDAwBWsvMDExxAAAAAAAAAAuAAAAEAAAAAMAAAABAAAAyopQe1RBUk5STkcB";
        var records = Enumerable.Range(0, 12).Select(i => (TestTrees.K($"k/{i:D3}"), TestTrees.K($"id{i}"), TestTrees.K($"data-{i}"))).ToList();
        var old = RangeFileReader.Open(Convert.FromBase64String(Version1));
        var current = RangeFileReader.Open(Write(records, blockSize: 64).Content);

        Assert.Equal(3, old.BlockCount);
        Assert.Equal(1, old.Properties.FormatVersion);
        Assert.Equal(RangeFileFormat.Version, current.Properties.FormatVersion);
        Assert.Equal("1d33ea93ae66dacebf0e38f6cb43e394627b42b90a1478ff05bcb44df70d226a", Write(records, blockSize: 64).Id);
        static string Flat((byte[] Key, byte[] Identity, byte[] Data) r) => $"{Encoding.UTF8.GetString(r.Key)}={Encoding.UTF8.GetString(r.Identity)}:{Encoding.UTF8.GetString(r.Data)}";
        Assert.Equal(records.Select(Flat), ReadAll(old).Select(Flat));
        Assert.Equal(records.Select(Flat), ReadAll(current).Select(Flat));

        // Same records in both formats: after the first block, every block is skipped as equal.
        var a = old.CreateCursor();
        var b = current.CreateCursor();
        for (var i = 0; i < 5; i++)
        {
            Assert.True(a.MoveNext() && b.MoveNext());
        }

        Assert.Equal(2, RangeFileCursor.SkipEqualBlocks(a, b));
        Assert.False(a.MoveNext() || b.MoveNext());
    }

    [Fact]
    public void Blocks_that_differ_only_inside_are_not_skipped()
    {
        var left = Records(30);
        var right = Records(30);
        right[17] = (right[17].Key, right[17].Identity, right[17].Data.Select(x => (byte)(x ^ 1)).ToArray());
        var a = RangeFileReader.Open(Write(left, blockSize: 128).Content).CreateCursor();
        var b = RangeFileReader.Open(Write(right, blockSize: 128).Content).CreateCursor();
        var skippedBlocks = 0;
        var sawChange = false;
        while (a.MoveNext() && b.MoveNext())
        {
            Assert.Equal(a.Key.ToArray(), b.Key.ToArray());
            sawChange |= !a.Data.SequenceEqual(b.Data);
            skippedBlocks += RangeFileCursor.SkipEqualBlocks(a, b);
        }

        Assert.True(sawChange, "the changed record was skipped");
        Assert.True(skippedBlocks > 0, "equal blocks around the change were not skipped");
    }

    [Fact]
    public void Every_flipped_byte_is_detected()
    {
        var content = Write(Records(40), blockSize: 128).Content;
        for (var i = 0; i < content.Length; i++)
        {
            var damaged = (byte[])content.Clone();
            damaged[i] ^= 0x20;
            var error = Assert.Throws<RangeFileCorruptException>(() => RangeFileReader.Open(damaged));
            Assert.Equal(ErrorKind.Internal, error.Kind);
            Assert.StartsWith("range file is corrupt", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Truncated_and_foreign_files_are_refused()
    {
        var content = Write(Records(40)).Content;
        Assert.Throws<RangeFileCorruptException>(() => RangeFileReader.Open(content.AsMemory(0, content.Length - 1)));
        Assert.Throws<RangeFileCorruptException>(() => RangeFileReader.Open(content.AsMemory(1)));
        Assert.Throws<RangeFileCorruptException>(() => RangeFileReader.Open(Array.Empty<byte>()));
        Assert.Throws<RangeFileCorruptException>(() => RangeFileReader.Open(Encoding.UTF8.GetBytes(new string('x', 100))));
    }
}
