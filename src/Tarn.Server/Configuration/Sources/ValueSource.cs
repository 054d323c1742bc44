namespace Tarn.Server.Configuration.Sources;

/// <summary>Where a raw value came from, in increasing precedence.</summary>
internal enum ValueSource
{
    Default,
    Profile,
    File,
    Environment,
}
