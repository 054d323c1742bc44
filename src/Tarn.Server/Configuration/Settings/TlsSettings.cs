namespace Tarn.Server.Configuration.Settings;

/// <summary>HTTPS on the listen address (<c>tls.*</c>); when enabled both files are set and exist.</summary>
public sealed record TlsSettings
{
    public required bool Enabled { get; init; }

    /// <summary>Absolute path of the PEM certificate chain.</summary>
    public string? CertFile { get; init; }

    /// <summary>Absolute path of the PEM private key.</summary>
    public string? KeyFile { get; init; }
}
