using Tarn.Core;

namespace Tarn.Catalog.Objects;

/// <summary>Why one path of a bulk operation failed (docs/objects.md, "Bulk delete").</summary>
public sealed record PathError(string Path, ErrorKind Kind, string Message);
