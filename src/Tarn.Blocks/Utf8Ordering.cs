namespace Tarn.Blocks;

/// <summary>
/// Orders strings by their UTF-8 bytes, the order lakeFS (and S3) list keys in. Ordinal UTF-16
/// comparison differs only where a surrogate pair meets a character in U+E000..U+FFFF, so those two
/// ranges are swapped before comparing; no string is ever encoded.
/// </summary>
internal sealed class Utf8Ordering : IComparer<string>
{
    public static readonly Utf8Ordering Instance = new();

    private Utf8Ordering()
    {
    }

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            if (x[i] != y[i])
            {
                return CodePointRank(x[i]).CompareTo(CodePointRank(y[i]));
            }
        }

        return x.Length.CompareTo(y.Length);
    }

    /// <summary>Surrogates (which encode U+10000 and up) must rank above U+E000..U+FFFF.</summary>
    private static int CodePointRank(char c) => c switch
    {
        >= '\uE000' => c - 0x800,
        >= '\uD800' => c + 0x2000,
        _ => c,
    };
}
