namespace Tarn.Server.Configuration.Settings;

/// <summary>The single listener for the API, the UI and the S3 gateway (<c>listen_address</c>, <c>tls.*</c>).</summary>
public sealed record ServerSettings
{
    /// <summary>Normalised <c>host:port</c>, e.g. <c>0.0.0.0:8000</c> or <c>[::1]:8000</c>.</summary>
    public required string ListenAddress { get; init; }

    /// <summary>The host part; empty means every interface.</summary>
    public required string ListenHost { get; init; }

    public required int ListenPort { get; init; }

    public required TlsSettings Tls { get; init; }
}
