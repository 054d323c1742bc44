using System.Text;

namespace Tarn.Api.Tests.Fuzzing;

/// <summary>
/// Request targets and header values are kept as strings of one char per byte (Latin-1), so raw bytes such
/// as <c>0xFF</c> or a bare LF survive to the wire; this converts them and prints them escaped for reports.
/// </summary>
public static class WireText
{
    private const int ShownHead = 600;
    private const int ShownTail = 120;

    public static byte[] ToBytes(string oneCharPerByte) => Encoding.Latin1.GetBytes(oneCharPerByte);

    public static string FromBytes(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    /// <summary>Bytes as printable ASCII with C-style escapes; long content keeps its head and tail.</summary>
    public static string Escape(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > ShownHead + ShownTail + 64)
        {
            return Escape(bytes[..ShownHead]) + $"…[{bytes.Length - ShownHead - ShownTail:N0} bytes not shown]…" + Escape(bytes[^ShownTail..]);
        }

        var text = new StringBuilder(bytes.Length + 16);
        foreach (var b in bytes)
        {
            switch (b)
            {
                case (byte)'\\': text.Append(@"\\"); break;
                case (byte)'"': text.Append("\\\""); break;
                case (byte)'\r': text.Append(@"\r"); break;
                case (byte)'\n': text.Append(@"\n"); break;
                case (byte)'\t': text.Append(@"\t"); break;
                case < 0x20 or >= 0x7F: text.Append(@"\x").Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)); break;
                default: text.Append((char)b); break;
            }
        }

        return text.ToString();
    }

    public static string Escape(string oneCharPerByte) => Escape(ToBytes(oneCharPerByte));
}
