namespace Tarn.Blocks;

/// <summary>How an <see cref="ObjectPointer"/>'s identifier is to be read.</summary>
public enum AddressType
{
    /// <summary>A key relative to the repository's storage namespace, e.g. <c>data/g…/c…</c>.</summary>
    Relative,

    /// <summary>A complete address such as <c>s3://bucket/key</c> or <c>local:///abs/path</c> (imports, links).</summary>
    Full,
}
