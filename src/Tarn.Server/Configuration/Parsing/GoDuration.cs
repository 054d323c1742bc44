using System.Globalization;
using System.Text;

namespace Tarn.Server.Configuration.Parsing;

/// <summary>
/// Go's <c>time.ParseDuration</c> syntax and <c>Duration.String</c> format, because lakeFS configurations are
/// written in it: an optional sign, then one or more decimal numbers each with a unit
/// (<c>ns</c>, <c>us</c>/<c>µs</c>, <c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>), such as <c>300ms</c>, <c>1.5h</c> or <c>2h45m</c>.
/// A bare <c>0</c> is allowed; any other number needs a unit. .NET keeps 100 ns resolution, so smaller parts are truncated.
/// </summary>
public static class GoDuration
{
    private const decimal NanosecondsPerTick = 100m;

    // Go's limit: an int64 count of nanoseconds (about 292 years).
    private const decimal MaxNanoseconds = long.MaxValue;

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var rest = text.AsSpan();
        var negative = rest[0] == '-';
        if (rest[0] is '-' or '+')
        {
            rest = rest[1..];
        }

        if (rest is "0")
        {
            return true;
        }

        if (rest.IsEmpty)
        {
            return false;
        }

        decimal total = 0;
        while (!rest.IsEmpty)
        {
            if (!TryReadNumber(ref rest, out var number) || !TryReadUnit(ref rest, out var nanosecondsPerUnit))
            {
                return false;
            }

            total += number * nanosecondsPerUnit;
            if (total > MaxNanoseconds)
            {
                return false;
            }
        }

        var ticks = (long)decimal.Truncate(total / NanosecondsPerTick);
        value = TimeSpan.FromTicks(negative ? -ticks : ticks);
        return true;
    }

    /// <summary>Formats as Go does: <c>168h0m0s</c>, <c>20s</c>, <c>1m30s</c>, <c>500ms</c>, <c>1.5µs</c>, <c>0s</c>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var builder = new StringBuilder();
        if (value < TimeSpan.Zero)
        {
            builder.Append('-');
            value = value.Duration();
        }

        var nanoseconds = (decimal)value.Ticks * NanosecondsPerTick;
        if (value < TimeSpan.FromSeconds(1))
        {
            var (unit, size) = nanoseconds switch
            {
                < 1_000m => ("ns", 1m),
                < 1_000_000m => ("µs", 1_000m),
                _ => ("ms", 1_000_000m),
            };
            return builder.Append(Number(nanoseconds / size)).Append(unit).ToString();
        }

        var hours = (long)value.TotalHours;
        if (hours > 0)
        {
            builder.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (hours > 0 || value.Minutes > 0)
        {
            builder.Append(value.Minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        var seconds = (nanoseconds % 60_000_000_000m) / 1_000_000_000m;
        return builder.Append(Number(seconds)).Append('s').ToString();
    }

    private static string Number(decimal value) => value.ToString("0.#########", CultureInfo.InvariantCulture);

    private static bool TryReadNumber(ref ReadOnlySpan<char> rest, out decimal number)
    {
        number = 0;
        var integerDigits = CountDigits(rest);
        var integerPart = rest[..integerDigits];
        rest = rest[integerDigits..];
        var fractionPart = ReadOnlySpan<char>.Empty;
        if (!rest.IsEmpty && rest[0] == '.')
        {
            rest = rest[1..];
            var fractionDigits = CountDigits(rest);
            fractionPart = rest[..fractionDigits];
            rest = rest[fractionDigits..];
        }

        if (integerPart.IsEmpty && fractionPart.IsEmpty)
        {
            return false;
        }

        // Beyond 20 integer digits the value overflows Go's range anyway; decimal would throw instead.
        if (integerPart.Length > 20)
        {
            return false;
        }

        var digits = string.Concat(integerPart.IsEmpty ? "0" : integerPart, ".", fractionPart.Length > 18 ? fractionPart[..18] : fractionPart);
        return decimal.TryParse(digits.TrimEnd('.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }

    private static bool TryReadUnit(ref ReadOnlySpan<char> rest, out decimal nanosecondsPerUnit)
    {
        var length = 0;
        while (length < rest.Length && rest[length] != '.' && !char.IsAsciiDigit(rest[length]))
        {
            length++;
        }

        nanosecondsPerUnit = rest[..length] switch
        {
            "ns" => 1m,
            "us" or "\u00b5s" or "\u03bcs" => 1_000m,
            "ms" => 1_000_000m,
            "s" => 1_000_000_000m,
            "m" => 60_000_000_000m,
            "h" => 3_600_000_000_000m,
            _ => 0m,
        };
        rest = rest[length..];
        return nanosecondsPerUnit > 0;
    }

    private static int CountDigits(ReadOnlySpan<char> text)
    {
        var count = 0;
        while (count < text.Length && char.IsAsciiDigit(text[count]))
        {
            count++;
        }

        return count;
    }
}
