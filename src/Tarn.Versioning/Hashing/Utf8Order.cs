namespace Tarn.Versioning.Hashing;

/// <summary>
/// Orders strings as their UTF-8 bytes would order (= Unicode code point order) without encoding them.
/// <see cref="string.CompareOrdinal(string, string)"/> compares UTF-16 code units, which disagrees with
/// UTF-8 when a surrogate pair (code points above U+FFFF) meets a character in U+E000–U+FFFF.
/// </summary>
public sealed class Utf8Order : IComparer<string>
{
    public static Utf8Order Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            var a = x[i];
            var b = y[i];
            if (a != b)
            {
                return CodePointRank(a) - CodePointRank(b);
            }
        }

        return x.Length - y.Length;
    }

    // Surrogates (U+D800–U+DFFF) stand for code points above U+FFFF, so they must rank above every
    // BMP character; shifting U+E000–U+FFFF down and surrogates up achieves that with one comparison.
    private static int CodePointRank(char c) => c switch
    {
        >= '\uE000' => c - 0x800,
        >= '\uD800' => c + 0x2000,
        _ => c,
    };
}
