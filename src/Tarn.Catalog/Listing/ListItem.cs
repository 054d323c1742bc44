using Tarn.Catalog.Entries;

namespace Tarn.Catalog.Listing;

/// <summary>One listing result: an object, or a common prefix (<see cref="Entry"/> null) when listing with a delimiter.</summary>
public sealed record ListItem(string Path, ObjectEntry? Entry)
{
    public bool IsCommonPrefix => Entry is null;
}
