using System.Text;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>
/// Requests are built as "wire strings": .NET strings whose every character is one byte on the socket
/// (Latin-1), so a target or header value can carry any byte — invalid UTF-8 included — exactly as meant.
/// </summary>
internal static class Wire
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The wire string of <paramref name="text"/>'s UTF-8 bytes.</summary>
    public static string FromUtf8(string text) => Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(text));

    /// <summary>The wire string of raw bytes.</summary>
    public static string FromBytes(byte[] bytes) => Encoding.Latin1.GetString(bytes);

    /// <summary>The bytes a wire string stands for.</summary>
    public static byte[] Bytes(string wire) => Encoding.Latin1.GetBytes(wire);

    /// <summary>What a UTF-8 reader makes of the bytes, or null when they are not valid UTF-8.</summary>
    public static string? ToText(string wire)
    {
        try
        {
            return StrictUtf8.GetString(Bytes(wire));
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Printable ASCII as is, everything else escaped (<c>\r \n \t \\ \xNN</c>), cut after <paramref name="max"/> bytes.</summary>
    public static string Escape(ReadOnlySpan<byte> bytes, int max = int.MaxValue)
    {
        var builder = new StringBuilder(Math.Min(bytes.Length, max) + 16);
        for (var i = 0; i < bytes.Length && i < max; i++)
        {
            var b = bytes[i];
            builder.Append(b switch
            {
                (byte)'\\' => "\\\\",
                (byte)'\r' => "\\r",
                (byte)'\n' => "\\n",
                (byte)'\t' => "\\t",
                >= 0x20 and < 0x7f => ((char)b).ToString(),
                _ => "\\x" + b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        if (bytes.Length > max)
        {
            builder.Append("…(").Append(bytes.Length).Append(" bytes in all)");
        }

        return builder.ToString();
    }

    /// <summary><see cref="Escape(ReadOnlySpan{byte}, int)"/> of a wire string.</summary>
    public static string Escape(string wire, int max = int.MaxValue) => Escape(Bytes(wire), max);
}
