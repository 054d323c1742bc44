namespace Tarn.Server.Configuration.Settings;

/// <summary>
/// <c>logging.*</c>. lakeFS levels map to .NET ones: TRACE→Trace, DEBUG→Debug, INFO→Information, WARN→Warning,
/// ERROR→Error, NONE→None. Rotation keys (<c>file_max_size_mb</c>, <c>files_keep</c>) are accepted and ignored.
/// </summary>
public sealed record LoggingSettings
{
    public required LogFormat Format { get; init; }

    public required LogLevel Level { get; init; }

    /// <summary>Level of the per-request access log line; lakeFS's <c>NONE</c> means Debug here.</summary>
    public required LogLevel AuditLogLevel { get; init; }

    /// <summary>Targets: <c>-</c> standard output, <c>=</c> standard error, anything else a file path.</summary>
    public required IReadOnlyList<string> Output { get; init; }

    /// <summary>At Trace, log request headers (Authorization, Cookie and X-Amz-Security-Token must still be redacted).</summary>
    public required bool TraceRequestHeaders { get; init; }
}
