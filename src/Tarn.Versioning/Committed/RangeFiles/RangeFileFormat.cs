namespace Tarn.Versioning.Committed.RangeFiles;

/// <summary>The constants of the range file format; docs/range-format.md describes it byte by byte.</summary>
internal static class RangeFileFormat
{
    /// <summary>Written by this version. 2 added a SHA-256 digest to every block index entry; 1 is still read.</summary>
    public const ushort Version = 2;

    public const ushort FirstVersion = 1;

    /// <summary>The first version whose index entries end with a block digest.</summary>
    public const ushort BlockDigestVersion = 2;

    public const int BlockDigestLength = 32;

    /// <summary>Fixed-size footer at the very end of every file.</summary>
    public const int FooterLength = 36;

    /// <summary>The part of the footer covered by its checksum (everything before the checksum).</summary>
    public const int FooterChecksummedLength = 24;

    public const int BlockChecksumLength = 4;

    public const int DefaultBlockSize = 8 * 1024;

    /// <summary>"TARNRNG" + 0x01: identifies the file and its major layout.</summary>
    public static ReadOnlySpan<byte> Magic => "TARNRNG\u0001"u8;

    /// <summary>The value of the <c>type</c> property hashed into the content ID (lakeFS's names).</summary>
    public static string TypeName(RangeFileType type) => type switch
    {
        RangeFileType.Range => "ranges",
        RangeFileType.MetaRange => "metaranges",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown range file type"),
    };
}
