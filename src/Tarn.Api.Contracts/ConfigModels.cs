using System.Text.Json.Serialization;

namespace Tarn.Api.Contracts;

/// <summary>Answer of <c>getConfig</c>.</summary>
public sealed record Config(VersionConfig? VersionConfig, StorageConfig? StorageConfig);

/// <summary>Answer of <c>getLakeFSVersion</c>.</summary>
public sealed record VersionConfig(
    string? Version,
    string? LatestVersion = null,
    bool? UpgradeRecommended = null,
    string? UpgradeUrl = null);

/// <summary>Answer of <c>getStorageConfig</c>: what the block store can do.</summary>
public sealed record StorageConfig
{
    public required string BlockstoreType { get; init; }

    public required string BlockstoreNamespaceExample { get; init; }

    [JsonPropertyName("blockstore_namespace_ValidityRegex")]
    public required string BlockstoreNamespaceValidityRegex { get; init; }

    public string? DefaultNamespacePrefix { get; init; }

    public required bool PreSignSupport { get; init; }

    public required bool PreSignSupportUi { get; init; }

    public required bool ImportSupport { get; init; }

    public required string ImportValidityRegex { get; init; }

    public bool? PreSignMultipartUpload { get; init; }
}

/// <summary>Answer of <c>getGarbageCollectionConfig</c>.</summary>
public sealed record GarbageCollectionConfig(long? GracePeriod);

/// <summary>Answer of <c>getUsageReportSummary</c>.</summary>
public sealed record InstallationUsageReport(string InstallationId, IReadOnlyList<UsageReport> Reports);

/// <summary>One month of API usage.</summary>
public sealed record UsageReport(int Year, int Month, long Count);

/// <summary>Body of <c>postStatsEvents</c>.</summary>
public sealed record StatsEventsList
{
    public required IReadOnlyList<StatsEvent> Events { get; init; }
}

/// <summary>One client-side statistics event (accepted and dropped: Tarn sends no telemetry).</summary>
public sealed record StatsEvent
{
    public required string Class { get; init; }

    public required string Name { get; init; }

    public required int Count { get; init; }
}

/// <summary>One branch's retention (schema <c>GarbageCollectionRule</c>).</summary>
public sealed record GarbageCollectionRule(string BranchId, int RetentionDays);

/// <summary>A repository's garbage-collection rules (schema <c>GarbageCollectionRules</c>): body and answer of the GC rule operations.</summary>
public sealed record GarbageCollectionRules(int DefaultRetentionDays, IReadOnlyList<GarbageCollectionRule> Branches);

/// <summary>Answer of <c>prepareGarbageCollectionCommits</c> (schema <c>GarbageCollectionPrepareResponse</c>).</summary>
public sealed record GarbageCollectionPrepareResponse(string RunId, string GcCommitsLocation, string GcAddressesLocation, string? GcCommitsPresignedUrl = null);
