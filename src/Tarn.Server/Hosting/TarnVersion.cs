using System.Reflection;

namespace Tarn.Server.Hosting;

/// <summary>Versions the server reports: the lakeFS API it speaks, and its own build.</summary>
internal static class TarnVersion
{
    /// <summary>The lakeFS release whose API v1 Tarn implements.</summary>
    public const string LakeFsCompatible = "1.12.1";

    /// <summary>Tarn's own version (from the build), without source-control metadata.</summary>
    public static string Tarn { get; } =
        (typeof(TarnVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];

    /// <summary>
    /// What <c>getLakeFSVersion</c> answers: the lakeFS version clients gate features on, with Tarn's
    /// version as semver build metadata, which version comparisons ignore.
    /// </summary>
    public static string Reported => $"{LakeFsCompatible}+tarn.{Tarn}";
}
