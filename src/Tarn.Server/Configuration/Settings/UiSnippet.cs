namespace Tarn.Server.Configuration.Settings;

/// <summary>One <c>ui.snippets</c> entry: HTML injected into the web UI.</summary>
public sealed record UiSnippet(string Id, string Code);
