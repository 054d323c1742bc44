using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Tarn.Catalog.Objects;

/// <summary>
/// New relative addresses for data the server writes (docs/objects.md, "Physical addresses"): <c>data/&lt;id&gt;</c> where the
/// id is 12 bytes — 4-byte big-endian Unix seconds, then 8 random bytes — as 20 characters of lowercase
/// base32hex, the shape of lakeFS's xids. The time prefix keeps the issuance time readable (link-token
/// expiry) and the 64 random bits make collisions negligible, so data is never overwritten.
/// </summary>
public static class DataAddresses
{
    public const string Prefix = "data/";

    private const long YearFourThousand = 64_060_588_800;

    private const string Base32Hex = "0123456789abcdefghijklmnopqrstuv";

    /// <summary>
    /// An ID of the same shape whose time part counts down to the year 4000, so newer IDs sort first (lakeFS
    /// names garbage-collection runs this way).
    /// </summary>
    public static string NewDescendingId(DateTimeOffset now) =>
        New(DateTimeOffset.FromUnixTimeSeconds(YearFourThousand - now.ToUnixTimeSeconds()))[Prefix.Length..];

    public static string New(DateTimeOffset now)
    {
        Span<byte> id = stackalloc byte[12];
        BinaryPrimitives.WriteUInt32BigEndian(id, (uint)Math.Max(0, now.ToUnixTimeSeconds()));
        RandomNumberGenerator.Fill(id[4..]);
        return Prefix + Encode(id);
    }

    /// <summary>When the address was issued, or null when it is not one of ours.</summary>
    public static DateTimeOffset? IssuedAt(string address)
    {
        if (address is null || !address.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var id = address.AsSpan(address.LastIndexOf('/') + 1);
        if (id.Length != 20)
        {
            return null;
        }

        ulong bits = 0;
        // The first 7 characters hold 35 bits: the 32 bits of seconds and 3 random bits.
        foreach (var c in id[..7])
        {
            var digit = Base32Hex.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                return null;
            }

            bits = (bits << 5) | (uint)digit;
        }

        return DateTimeOffset.FromUnixTimeSeconds((long)(bits >> 3));
    }

    private static string Encode(ReadOnlySpan<byte> bytes)
    {
        Span<char> text = stackalloc char[(bytes.Length * 8 + 4) / 5];
        var buffer = 0;
        var bitCount = 0;
        var written = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bitCount += 8;
            while (bitCount >= 5)
            {
                bitCount -= 5;
                text[written++] = Base32Hex[(buffer >> bitCount) & 31];
            }
        }

        if (bitCount > 0)
        {
            text[written++] = Base32Hex[(buffer << (5 - bitCount)) & 31];
        }

        return new string(text[..written]);
    }
}
