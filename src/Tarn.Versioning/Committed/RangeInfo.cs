using Tarn.Versioning.Model;

namespace Tarn.Versioning.Committed;

/// <summary>
/// A range header as a metarange lists it: which file, which keys it spans (both inclusive) and how big
/// it is. Algorithms compare headers to skip whole ranges without reading them. Treat the key arrays as
/// read-only: headers are shared through the range cache.
/// </summary>
public sealed record RangeInfo(RangeId Id, byte[] MinKey, byte[] MaxKey, long Count, long EstimatedSize);
