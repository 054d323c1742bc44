using System.Globalization;
using Tarn.Server.Configuration.Schema;
using Tarn.Server.Configuration.Sources;

namespace Tarn.Server.Configuration.Parsing;

/// <summary>
/// Converts a raw value to the type its key declares. Failures name the key and where the value came from,
/// and quote the value only when the key is not secret.
/// </summary>
internal sealed class ValueParser(string homeDirectory, string workingDirectory)
{
    public object Parse(ConfigKey key, RawValue raw) => key.Type switch
    {
        ConfigValueType.Text => Scalar(key, raw),
        ConfigValueType.FilePath => PathExpander.Expand(Scalar(key, raw), homeDirectory, workingDirectory),
        ConfigValueType.Int => ParseInt(key, raw),
        ConfigValueType.Float => ParseFloat(key, raw),
        ConfigValueType.Bool => ParseBool(key, raw),
        ConfigValueType.Duration => ParseDuration(key, raw),
        ConfigValueType.HostPort => ParseHostPort(key, raw),
        ConfigValueType.StringList => ParseList(key, raw),
        ConfigValueType.Choice => ParseEnum(key, raw),
        ConfigValueType.StringMap => ParseMap(key, raw, raw.Value),
        ConfigValueType.ObjectList => ParseObjects(key, raw),
        ConfigValueType.Any => raw.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key.Type, "unhandled value type"),
    };

    private static string Scalar(ConfigKey key, RawValue raw) =>
        raw.Value as string ?? throw Fail(key, raw, "expected a single value, not a list or a section");

    private static long ParseInt(ConfigKey key, RawValue raw)
    {
        var text = Scalar(key, raw).Trim().Replace("_", "", StringComparison.Ordinal);
        var negative = text.StartsWith('-');
        var digits = negative || text.StartsWith('+') ? text[1..] : text;
        var parsed = digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.TryParse(digits[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var number)
            : long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out number);
        if (!parsed || digits.Length == 0)
        {
            throw Fail(key, raw, $"expected a whole number, got {Shown(key, raw)}");
        }

        return negative ? -number : number;
    }

    private static double ParseFloat(ConfigKey key, RawValue raw)
    {
        var text = Scalar(key, raw).Trim().Replace("_", "", StringComparison.Ordinal);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : throw Fail(key, raw, $"expected a number, got {Shown(key, raw)}");
    }

    // The spellings of Go's strconv.ParseBool, which lakeFS (viper, weakly typed) accepts.
    private static bool ParseBool(ConfigKey key, RawValue raw) => Scalar(key, raw).Trim() switch
    {
        "true" or "True" or "TRUE" or "t" or "T" or "1" => true,
        "false" or "False" or "FALSE" or "f" or "F" or "0" => false,
        _ => throw Fail(key, raw, $"expected true or false, got {Shown(key, raw)}"),
    };

    private static TimeSpan ParseDuration(ConfigKey key, RawValue raw)
    {
        if (!GoDuration.TryParse(Scalar(key, raw).Trim(), out var duration))
        {
            throw Fail(key, raw, $"expected a duration such as 500ms, 20s, 1h30m or 168h, got {Shown(key, raw)}");
        }

        return duration >= TimeSpan.Zero ? duration : throw Fail(key, raw, "a duration must not be negative");
    }

    private static string ParseHostPort(ConfigKey key, RawValue raw) =>
        HostPort.TryParse(Scalar(key, raw).Trim(), out var address)
            ? address.ToString()
            : throw Fail(key, raw, $"expected host:port such as 0.0.0.0:8000, got {Shown(key, raw)}");

    private static IReadOnlyList<string> ParseList(ConfigKey key, RawValue raw)
    {
        if (raw.Value is string text)
        {
            return text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        }

        if (raw.Value is List<object?> items)
        {
            return items.Select(item => item as string ?? throw Fail(key, raw, "every list item must be a single value")).ToArray();
        }

        throw Fail(key, raw, "expected a list or a comma-separated string, not a section");
    }

    private static string ParseEnum(ConfigKey key, RawValue raw)
    {
        var text = Scalar(key, raw).Trim();
        var alias = key.Aliases.FirstOrDefault(pair => string.Equals(pair.Key, text, StringComparison.OrdinalIgnoreCase));
        if (alias.Value is not null)
        {
            return alias.Value;
        }

        var allowed = key.AllowedValues.FirstOrDefault(value => string.Equals(value, text, StringComparison.OrdinalIgnoreCase));
        if (allowed is not null)
        {
            return allowed;
        }

        var expected = string.Join(", ", key.AllowedValues);
        if (key.UnsupportedValues.Any(value => string.Equals(value, text, StringComparison.OrdinalIgnoreCase)))
        {
            throw Fail(key, raw, $"\"{text}\" is not supported by Tarn (supported: {expected})");
        }

        throw Fail(key, raw, $"unknown value {Shown(key, raw)} (expected {expected})");
    }

    private static IReadOnlyDictionary<string, string> ParseMap(ConfigKey key, RawValue raw, object value)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value is string text)
        {
            // lakeFS reads maps from the environment as k1=v1,k2=v2.
            foreach (var pair in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    throw Fail(key, raw, "expected key=value pairs separated by commas");
                }

                result[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
            }

            return result;
        }

        if (value is not Dictionary<string, object?> mapping)
        {
            throw Fail(key, raw, "expected a mapping of names to values");
        }

        foreach (var (name, item) in mapping)
        {
            result[name] = item switch
            {
                null => string.Empty,
                string scalar => scalar,
                _ => throw Fail(key, raw, $"\"{name}\" must be a single value"),
            };
        }

        return result;
    }

    private IReadOnlyList<IReadOnlyDictionary<string, string>> ParseObjects(ConfigKey key, RawValue raw)
    {
        // From the environment a list of objects can only be written as YAML flow text: [{id: a, code: b}].
        var value = raw.Value is string text ? YamlTree.Parse(text, $"{key.Name} (from {raw.Origin})") : raw.Value;
        if (value is null)
        {
            return [];
        }

        if (value is not List<object?> items)
        {
            throw Fail(key, raw, "expected a list of objects");
        }

        var result = new List<IReadOnlyDictionary<string, string>>(items.Count);
        foreach (var item in items)
        {
            var fields = ParseMap(key, raw, item ?? throw Fail(key, raw, "list items must not be empty"));
            var unknown = fields.Keys.FirstOrDefault(name => !key.Fields.Contains(name, StringComparer.Ordinal));
            if (unknown is not null)
            {
                throw Fail(key, raw, $"unknown field \"{unknown}\" (expected {string.Join(", ", key.Fields)})");
            }

            result.Add(fields);
        }

        return result;
    }

    private static string Shown(ConfigKey key, RawValue raw) =>
        key.IsSecret ? "a value that is not shown because the key is secret" : $"\"{raw.Value}\"";

    private static ConfigurationException Fail(ConfigKey key, RawValue raw, string problem) =>
        new($"{key.Name}: {problem} (from {raw.Origin})", key.Name);
}
