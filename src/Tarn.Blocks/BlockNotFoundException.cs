using Tarn.Core;

namespace Tarn.Blocks;

/// <summary>
/// The data behind a pointer is missing from the object store. Its kind is <see cref="ErrorKind.Gone"/>
/// because an entry that still exists in the catalog but has lost its data is what lakeFS reports as
/// 410 "No data"; the message is exactly that text, and <see cref="Address"/> (for logs only, it may
/// reveal server paths) says which object was missing.
/// </summary>
public sealed class BlockNotFoundException : TarnException
{
    public BlockNotFoundException(string address, Exception? inner = null)
        : base(ErrorKind.Gone, "No data", inner) => Address = address;

    /// <summary>The physical address that was asked for.</summary>
    public string Address { get; }
}
