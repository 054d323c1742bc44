using Tarn.Blocks;
using Tarn.Versioning.Committed.RangeFiles;

namespace Tarn.Versioning.Committed;

/// <summary>
/// Names one cached file. The kind is part of the key because the cache holds decoded metaranges and
/// open range readers, and an ID handed in by a caller might name a file of the other kind.
/// </summary>
internal readonly record struct CacheKey(StorageNamespace Namespace, string Id, RangeFileType Kind);
