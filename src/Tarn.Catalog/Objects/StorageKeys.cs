namespace Tarn.Catalog.Objects;

/// <summary>
/// Keys the catalog derives for the block store from client input (linked addresses, manifest folders). The
/// block store refuses escaping keys too, but only when the data is read or written; refusing them here keeps
/// anything unusable from being recorded or half-written first.
/// </summary>
internal static class StorageKeys
{
    /// <summary>True when <paramref name="key"/> has no empty, <c>.</c> or <c>..</c> segment, backslash or NUL.</summary>
    public static bool IsPlain(string key) =>
        !key.Contains('\\') && !key.Contains('\0') && !key.Split('/').Any(segment => segment is "" or "." or "..");
}
