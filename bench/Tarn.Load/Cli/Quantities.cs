using System.Globalization;

namespace Tarn.Load.Cli;

/// <summary>Parses the human quantities of the flags: sizes (<c>4KiB</c>, <c>1GiB</c>, <c>4096</c>) and durations (<c>30s</c>, <c>2m</c>, <c>500ms</c>).</summary>
internal static class Quantities
{
    private static readonly (string Suffix, long Factor)[] SizeSuffixes =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30),
        ("KB", 1L << 10), ("MB", 1L << 20), ("GB", 1L << 30),
        ("K", 1L << 10), ("M", 1L << 20), ("G", 1L << 30), ("B", 1),
    ];

    private static readonly (string Suffix, double Seconds)[] DurationSuffixes =
    [
        ("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600),
    ];

    /// <summary>Bytes; binary multiples whatever the spelling (KB = KiB), as storage tools usually mean.</summary>
    public static long ParseSize(string text)
    {
        var trimmed = text.Trim();
        foreach (var (suffix, factor) in SizeSuffixes)
        {
            if (trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && long.TryParse(trimmed[..^suffix.Length].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                return checked(count * factor);
            }
        }

        return long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
            ? bytes
            : throw new FormatException($"'{text}' is not a size (examples: 4096, 4KiB, 16MiB, 1GiB)");
    }

    public static TimeSpan ParseDuration(string text)
    {
        var trimmed = text.Trim();
        foreach (var (suffix, seconds) in DurationSuffixes)
        {
            if (trimmed.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(trimmed[..^suffix.Length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var count) && count > 0)
            {
                return TimeSpan.FromSeconds(count * seconds);
            }
        }

        return double.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var plain) && plain > 0
            ? TimeSpan.FromSeconds(plain)
            : throw new FormatException($"'{text}' is not a duration (examples: 30s, 2m, 500ms, 45)");
    }
}
