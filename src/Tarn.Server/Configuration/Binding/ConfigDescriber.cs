using System.Globalization;
using Tarn.Server.Configuration.Parsing;
using Tarn.Server.Configuration.Settings;

namespace Tarn.Server.Configuration.Binding;

/// <summary>
/// Renders the effective configuration as sorted <c>key = value</c> lines for the start-up log. Secret keys are
/// written as <c>[SECRET]</c> whenever they have a value, and durations in Go's format, as lakeFS logs them.
/// </summary>
internal static class ConfigDescriber
{
    public static IReadOnlyList<string> Describe(ConfigValues values) =>
        values.Entries
            .Select(entry => $"{entry.Key.Name} = {(entry.Key.IsSecret ? SecretValue.Redacted : Format(entry.Value))}")
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static string Format(object value) => value switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        long number => number.ToString(CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        TimeSpan duration => GoDuration.Format(duration),
        IReadOnlyList<string> list => $"[{string.Join(", ", list)}]",
        IReadOnlyDictionary<string, string> map => FormatMap(map),
        IReadOnlyList<IReadOnlyDictionary<string, string>> objects => $"[{string.Join(", ", objects.Select(FormatMap))}]",
        _ => "(set)",
    };

    private static string FormatMap(IReadOnlyDictionary<string, string> map) =>
        $"{{{string.Join(", ", map.Select(pair => $"{pair.Key}: {pair.Value}"))}}}";
}
