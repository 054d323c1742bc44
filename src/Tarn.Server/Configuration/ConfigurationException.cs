using Tarn.Core;

namespace Tarn.Server.Configuration;

/// <summary>
/// The configuration cannot be used; the server must not start. The message names the offending key
/// (<c>database.type: unknown value "foo" (expected local, postgres, mem)</c>) and never contains a secret value.
/// </summary>
public sealed class ConfigurationException : TarnException
{
    public ConfigurationException(string message, string? key = null, Exception? inner = null)
        : base(ErrorKind.InvalidArgument, message, inner) => Key = key;

    /// <summary>The dotted key at fault (<c>auth.encrypt.secret_key</c>), when there is a single one.</summary>
    public string? Key { get; }
}
