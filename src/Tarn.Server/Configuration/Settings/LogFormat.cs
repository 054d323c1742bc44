namespace Tarn.Server.Configuration.Settings;

/// <summary><c>logging.format</c>.</summary>
public enum LogFormat
{
    Text,
    Json,
}
