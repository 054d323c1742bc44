using System.Text;
using Tarn.Gateway.S3.Errors;

namespace Tarn.Gateway.S3.Routing;

/// <summary>
/// Percent-decoding of raw request targets into bytes, and S3's URI encoding (SigV4 canonical form): keep
/// <c>A–Z a–z 0–9 - _ . ~</c> (and <c>/</c> in paths), encode every other UTF-8 byte as upper-case <c>%XX</c>.
/// </summary>
public static class S3UriEncoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Decodes <c>%XX</c> escapes into bytes; other characters contribute their UTF-8 bytes. With
    /// <paramref name="plusAsSpace"/> a <c>+</c> is a space (form-style query values); without it a
    /// <c>+</c> stays a <c>+</c> (paths, and signature canonicalisation, which must see what was sent).
    /// Returns false for a malformed escape.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> raw, bool plusAsSpace, out byte[] bytes)
    {
        var output = new List<byte>(raw.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '%')
            {
                if (i + 2 >= raw.Length || !IsHex(raw[i + 1]) || !IsHex(raw[i + 2]))
                {
                    bytes = [];
                    return false;
                }

                output.Add((byte)((HexValue(raw[i + 1]) << 4) | HexValue(raw[i + 2])));
                i += 2;
            }
            else if (c == '+' && plusAsSpace)
            {
                output.Add((byte)' ');
            }
            else if (c < 0x80)
            {
                output.Add((byte)c);
            }
            else
            {
                // A non-ASCII character sent unescaped (Kestrel hands such targets over as UTF-8 text).
                var length = char.IsHighSurrogate(c) && i + 1 < raw.Length ? 2 : 1;
                var written = Encoding.UTF8.GetBytes(raw.Slice(i, length), utf8);
                output.AddRange(utf8[..written]);
                i += length - 1;
            }
        }

        bytes = [.. output];
        return true;
    }

    /// <summary>
    /// Decodes to text. Keys are UTF-8 (every SDK sends them so); a target that does not decode to valid
    /// UTF-8 is refused with 400 <c>InvalidURI</c> rather than mapped to a different key.
    /// </summary>
    public static string DecodeToString(ReadOnlySpan<char> raw, bool plusAsSpace)
    {
        if (!TryDecode(raw, plusAsSpace, out var bytes))
        {
            throw new S3ErrorException(S3Errors.InvalidUri);
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new S3ErrorException(S3Errors.InvalidUri, "The request target is not valid UTF-8.");
        }
    }

    /// <summary>S3's URI encoding of <paramref name="bytes"/>; <paramref name="keepSlash"/> for paths.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes, bool keepSlash)
    {
        var builder = new StringBuilder(bytes.Length + 16);
        foreach (var b in bytes)
        {
            if (IsUnreserved(b) || (keepSlash && b == '/'))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 0xF]);
            }
        }

        return builder.ToString();
    }

    private static bool IsUnreserved(byte b) =>
        b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9'
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
