namespace Tarn.Catalog.Listing;

/// <summary>Byte-order helpers for seeking past every key that starts with a prefix.</summary>
public static class KeyBounds
{
    /// <summary>
    /// The smallest key greater than every key starting with <paramref name="prefix"/>: the prefix with
    /// its last non-0xFF byte incremented and the rest cut; null when no such key exists (all 0xFF).
    /// </summary>
    public static byte[]? UpperBound(ReadOnlySpan<byte> prefix)
    {
        for (var i = prefix.Length - 1; i >= 0; i--)
        {
            if (prefix[i] != 0xFF)
            {
                var bound = prefix[..(i + 1)].ToArray();
                bound[i]++;
                return bound;
            }
        }

        return null;
    }
}
