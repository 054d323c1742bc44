namespace Tarn.Server.Configuration.Settings;

/// <summary><c>actions.*</c>: hooks.</summary>
public sealed record ActionsSettings
{
    /// <summary>Master switch for hooks.</summary>
    public required bool Enabled { get; init; }

    /// <summary>Expose <c>net/http</c> to Lua hooks.</summary>
    public required bool LuaNetHttpEnabled { get; init; }

    /// <summary>Allow <c>{{ ENV.X }}</c> look-ups; when false they yield empty strings.</summary>
    public required bool EnvEnabled { get; init; }

    /// <summary>Only variables with this prefix are visible to hooks; empty means all.</summary>
    public required string EnvPrefix { get; init; }
}
