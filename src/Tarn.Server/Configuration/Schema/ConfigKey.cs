namespace Tarn.Server.Configuration.Schema;

/// <summary>
/// One row of the key table: a dotted lakeFS key (<c>blockstore.local.path</c>), how its value is read,
/// its default written as text (parsed by the same rules as any other source), and whether it is secret.
/// </summary>
public sealed record ConfigKey(string Name, ConfigValueType Type)
{
    /// <summary>The default as text in environment-variable form (<c>168h</c>, <c>true</c>, <c>a,b</c>), or null for none.</summary>
    public string? Default { get; init; }

    /// <summary>Secret values are never echoed in errors and appear as <c>[SECRET]</c> in <see cref="Settings.TarnSettings.Describe"/>.</summary>
    public bool IsSecret { get; init; }

    public KeySupport Support { get; init; } = KeySupport.Supported;

    /// <summary>For <see cref="ConfigValueType.Choice"/>: the values Tarn accepts, in canonical spelling.</summary>
    public IReadOnlyList<string> AllowedValues { get; init; } = [];

    /// <summary>For <see cref="ConfigValueType.Choice"/>: values lakeFS accepts that Tarn refuses with "not supported by Tarn".</summary>
    public IReadOnlyList<string> UnsupportedValues { get; init; } = [];

    /// <summary>For <see cref="ConfigValueType.Choice"/>: other spellings and the canonical value they stand for (<c>memory</c> → <c>mem</c>).</summary>
    public IReadOnlyDictionary<string, string> Aliases { get; init; } = new Dictionary<string, string>();

    /// <summary>For <see cref="ConfigValueType.ObjectList"/>: the field names each item may have.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>The variable that overrides this key: <c>LAKEFS_</c> + the name upper-cased with dots as underscores.</summary>
    public string EnvironmentVariable => "LAKEFS_" + Name.Replace('.', '_').ToUpperInvariant();
}
