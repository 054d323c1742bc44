namespace Tarn.Catalog.Multipart;

/// <summary>One page of an upload's parts in ascending part-number order, and whether more follow.</summary>
public sealed record MultipartPartsPage(IReadOnlyList<MultipartPart> Parts, bool HasMore);
