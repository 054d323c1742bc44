using Tarn.Server.Configuration.Schema;

namespace Tarn.Server.Tests.Docs;

/// <summary>
/// Keeps docs/configuration.md true to the key table (ConfigKeySchema): every key documented, no invented key,
/// and the default, secrecy and ignored status of each row as the code declares them.
/// </summary>
public sealed class ConfigurationDocsTests
{
    private static readonly string[] StatusesOfSupportedKeys = ["used", "no effect yet", "no effect"];

    [Fact]
    public void Every_configuration_key_is_mentioned()
    {
        var doc = ConfigurationDoc.Load();

        var missing = ConfigKeySchema.Keys
            .Where(key => !doc.Text.Contains($"`{key.Name}`", StringComparison.Ordinal))
            .Select(key => key.Name)
            .ToList();

        Assert.True(missing.Count == 0, $"{doc.Path} does not mention: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_key_has_exactly_one_table_row_and_every_row_is_a_key()
    {
        var documented = ConfigurationDoc.Load().Rows.GroupBy(row => row.Key, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Count());
        var known = ConfigKeySchema.Keys.Select(key => key.Name).ToHashSet(StringComparer.Ordinal);

        var withoutRow = known.Where(name => !documented.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
        var invented = documented.Keys.Where(name => !known.Contains(name)).Order(StringComparer.Ordinal).ToList();
        var repeated = documented.Where(pair => pair.Value > 1).Select(pair => pair.Key).ToList();

        Assert.True(
            withoutRow.Count + invented.Count + repeated.Count == 0,
            $"keys without a table row: [{string.Join(", ", withoutRow)}]\n"
            + $"table rows naming no key: [{string.Join(", ", invented)}]\n"
            + $"keys with several rows: [{string.Join(", ", repeated)}]");
    }

    [Fact]
    public void Each_row_states_the_default_the_code_declares()
    {
        var wrong = RowsWithKeys(ConfigurationDoc.Load())
            .Where(pair => !DefaultMatches(pair.Key, pair.Row.Default))
            .Select(pair => $"{pair.Key.Name}: documented {pair.Row.Default}, declared {pair.Key.Default ?? "none"}")
            .ToList();

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Each_row_marks_secrets_and_ignored_keys_as_the_code_does()
    {
        var wrong = new List<string>();
        foreach (var (key, row) in RowsWithKeys(ConfigurationDoc.Load()))
        {
            var markedSecret = row.Type.EndsWith(", secret", StringComparison.Ordinal);
            if (markedSecret != key.IsSecret)
            {
                wrong.Add($"{key.Name}: type \"{row.Type}\" but the key is {(key.IsSecret ? "" : "not ")}secret");
            }

            var statusIsRight = key.Support == KeySupport.AcceptedIgnored
                ? row.Status == "ignored"
                : StatusesOfSupportedKeys.Contains(row.Status, StringComparer.Ordinal);
            if (!statusIsRight)
            {
                wrong.Add($"{key.Name}: status \"{row.Status}\" but the key is {key.Support}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static IEnumerable<(ConfigKey Key, ConfigurationDoc.Row Row)> RowsWithKeys(ConfigurationDoc doc) =>
        doc.Rows.Join(ConfigKeySchema.Keys, row => row.Key, key => key.Name, (row, key) => (key, row), StringComparer.Ordinal);

    // A key without a default is documented as "—", or as "required" when start-up demands it.
    private static bool DefaultMatches(ConfigKey key, string cell) =>
        key.Default is { } declared ? cell == $"`{declared}`" : cell is "—" or "required";
}
