using System.Security.Cryptography;
using Tarn.Versioning.Hashing;

namespace Tarn.Versioning.Tests.Hashing;

public sealed class AddressWriterTests
{
    [Fact]
    public void Int64_is_type_size_and_big_endian_twos_complement()
    {
        AssertEncodes(w => w.WriteInt64(-2), [0x02, 0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE]);
        AssertEncodes(w => w.WriteInt64(0x0102), [0x02, 0x08, 0, 0, 0, 0, 0, 0, 0x01, 0x02]);
    }

    [Fact]
    public void String_is_type_then_int64_utf8_length_then_bytes()
    {
        AssertEncodes(w => w.WriteString("é"), [0x01, .. Int64(2), 0xC3, 0xA9]);
        AssertEncodes(w => w.WriteString(""), [0x01, .. Int64(0)]);
    }

    [Fact]
    public void Long_strings_use_a_pooled_buffer_with_the_same_encoding()
    {
        var text = new string('x', 5000);
        AssertEncodes(w => w.WriteString(text), [0x01, .. Int64(5000), .. Enumerable.Repeat((byte)'x', 5000)]);
    }

    [Fact]
    public void Bytes_are_type_zero_with_length()
    {
        AssertEncodes(w => w.WriteBytes([9, 8]), [0x00, .. Int64(2), 9, 8]);
    }

    [Fact]
    public void String_list_is_count_then_strings_in_order()
    {
        AssertEncodes(w => w.WriteStringList(["b", "a"]), [0x03, .. Int64(2), 0x01, .. Int64(1), (byte)'b', 0x01, .. Int64(1), (byte)'a']);
    }

    [Fact]
    public void String_map_is_count_then_pairs_in_utf8_byte_order_of_keys()
    {
        // U+FF21 (3 UTF-8 bytes, EF BC A1) sorts before U+1F600 (4 bytes, F0 ...) in UTF-8, although its
        // UTF-16 code unit is greater than the surrogate D83D: ordinal string order would get this wrong.
        var map = new Dictionary<string, string> { ["\U0001F600"] = "2", ["\uFF21"] = "1", ["a"] = "0" };
        byte[] expected =
        [
            0x04, .. Int64(3),
            .. Str("a"), .. Str("0"),
            .. Str("\uFF21"), .. Str("1"),
            .. Str("\U0001F600"), .. Str("2"),
        ];
        AssertEncodes(w => w.WriteStringMap(map), expected);
    }

    [Fact]
    public void Null_map_is_the_empty_map()
    {
        AssertEncodes(w => w.WriteStringMap(null), [0x04, .. Int64(0)]);
    }

    [Fact]
    public void Embedded_hash_is_type_five_then_the_digest_as_bytes()
    {
        var digest = SHA256.HashData("x"u8);
        AssertEncodes(w => w.WriteEmbeddedHash(digest), [0x05, 0x00, .. Int64(32), .. digest]);
    }

    [Fact]
    public void Writer_resets_after_each_digest()
    {
        using var writer = new AddressWriter();
        writer.WriteString("a");
        var first = writer.GetHexHashAndReset();
        writer.WriteString("a");
        Assert.Equal(first, writer.GetHexHashAndReset());
    }

    [Fact]
    public void Utf8_order_matches_byte_order()
    {
        string[] keys = ["\U0001F600", "\uFF21", "z", "", "a\u00E9", "ab", "\uE000", "\uD7FF"];
        var byBytes = keys.OrderBy(k => System.Text.Encoding.UTF8.GetBytes(k), Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b))).ToArray();
        Assert.Equal(byBytes, keys.Order(Utf8Order.Instance).ToArray());
    }

    private static void AssertEncodes(Action<AddressWriter> write, byte[] expectedEncoding)
    {
        using var writer = new AddressWriter();
        write(writer);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(expectedEncoding)), writer.GetHexHashAndReset());
    }

    private static byte[] Int64(long value)
    {
        var bytes = new byte[10];
        bytes[0] = 0x02;
        bytes[1] = 0x08;
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(2), value);
        return bytes;
    }

    private static byte[] Str(string value)
    {
        var utf8 = System.Text.Encoding.UTF8.GetBytes(value);
        return [0x01, .. Int64(utf8.Length), .. utf8];
    }
}
