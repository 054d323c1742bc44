namespace Tarn.Catalog.Listing;

/// <summary>One page of a listing and whether more items follow it.</summary>
public sealed record ListPage(IReadOnlyList<ListItem> Items, bool HasMore);
