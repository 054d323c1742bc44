using System.Buffers.Text;
using System.Security.Cryptography;

namespace Tarn.Blocks;

/// <summary>
/// Multipart upload ids: 24 random bytes from the CSPRNG as base64url, so they are unguessable, safe in
/// URLs and query strings, and safe as a folder name (checked before any adapter uses one as such).
/// </summary>
internal static class UploadIds
{
    private const int RandomBytes = 24;
    private const int EncodedLength = 32;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>True only for strings shaped like <see cref="New"/>'s output.</summary>
    public static bool IsWellFormed(string? uploadId) =>
        uploadId is { Length: EncodedLength } && uploadId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
