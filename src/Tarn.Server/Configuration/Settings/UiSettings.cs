namespace Tarn.Server.Configuration.Settings;

/// <summary><c>ui.*</c>.</summary>
public sealed record UiSettings
{
    /// <summary>Serve the web UI at <c>/</c>.</summary>
    public required bool Enabled { get; init; }

    public required IReadOnlyList<UiSnippet> Snippets { get; init; }
}
