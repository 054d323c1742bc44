using Tarn.Core;

namespace Tarn.Catalog.Objects;

/// <summary>Why one path of a bulk operation failed (versioning.md §11.12).</summary>
public sealed record PathError(string Path, ErrorKind Kind, string Message);
