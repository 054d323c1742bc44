namespace Tarn.Api.Tests.Fuzzing;

/// <summary>
/// Hostile values, already in the raw form they take on the wire (percent-encoded where the place needs
/// it). The generator puts them in place of one valid-looking value.
/// </summary>
public static class FuzzValues
{
    public static readonly IReadOnlyList<string> EncodedSlashes = ["a%2fb", "%2f", "..%2f..%2f", "%2F%2Fx", "x%2f%2e%2e", "%2e%2e%2f%2e%2e", "%2f%2e%2e%2f"];

    public static readonly IReadOnlyList<string> InvalidUtf8 = ["%ff", "%c3%28", "%ed%a0%80", "%c0%af", "%f8%88%80%80%80", "a%80b", "%e2%82", "%fe%ff"];

    public static readonly IReadOnlyList<string> BadPercentEncoding = ["%", "%zz", "%2", "%%", "%g0", "100%", "%u0041"];

    public static readonly IReadOnlyList<string> ControlCharacters = ["%00", "%01", "%0a", "%0d%0a", "%1b", "%7f", "%09", "a%00b", "%08"];

    public static readonly IReadOnlyList<string> ReservedCharacters = ["a;b", "a%3bb", "%3f", "a%23b", "%20", "+", "%25", "~", "a*b", "%2a", "%5c..%5c", "a:b", "@", "a%2cb", "%22", "%3c%3e"];

    /// <summary>Raw bytes a request line must not carry (one char per byte).</summary>
    public static readonly IReadOnlyList<string> RawBytes = ["a\u00ffb", "\u0080", "x\u0001y", "\u00e9", "a\u007fb"];

    /// <summary>Text outside ASCII; the path and query forms percent-encode it as UTF-8.</summary>
    public static readonly IReadOnlyList<string> Unicode =
        ["é", "日本語", "🙂", "\u200b", "\ufeff", "Ω≈ç√", "İ", "ﬁ", "a\u0301", "\u202e", "ㅤ", "𝔘𝔫𝔦", "\u00a0"];

    public static readonly IReadOnlyList<string> NotAnInteger = ["abc", "1.5", "1e3", "0x10", "true", " 1", "1 ", "+1", "١٢", "NaN", "--1", "1_000"];

    public static readonly IReadOnlyList<string> NotABoolean = ["maybe", "2", "yes", "TRUE ", "null", "-1", "t"];

    public static readonly IReadOnlyList<string> NegativeNumbers = ["-1", "-2", "-100", "-2147483648", "-2147483649", "-9223372036854775808", "-99999999999999999999"];

    public static readonly IReadOnlyList<string> HugeNumbers = ["1001", "2147483647", "2147483648", "4294967296", "9223372036854775807", "9223372036854775808", "99999999999999999999999", "1e309"];

    /// <summary>JSON numbers no .NET number type holds, written raw into a body.</summary>
    public static readonly IReadOnlyList<string> HugeJsonNumbers = ["9223372036854775808", "1e400", "-1e400", "123456789012345678901234567890", "1E+2147483648", "0.00000000000000000000000000000000000001e-400"];

    public static readonly IReadOnlyList<string> NegativeJsonNumbers = ["-1", "-2147483649", "-9223372036854775808", "-0", "-1.5"];

    /// <summary>Invalid UTF-8 inside a JSON string (between the quotes).</summary>
    public static readonly IReadOnlyList<byte[]> InvalidUtf8Bytes =
        [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xE2, 0x82], [0xFE, 0xFF]];

    public static readonly IReadOnlyList<string> JsonUnicode = ["日本語", "🙂🙂", "\u200b", "\ufeff", "\u202e", "a\u0301", "İ", "ﬁ", "\u0000"];

    public static readonly IReadOnlyList<string> JsonControl = ["\u0000", "a\u0001b", "\n", "\r\n", "\u001b[31m", "\u007f", "\t", "x\u0000"];

    public static readonly IReadOnlyList<string> NotJson =
        ["hello", "<xml/>", "{'a':1}", "{a:1}", "NaN", "undefined", "[1,]", "{\"a\":1,}", "\u00ef\u00bb\u00bf{}", "--boundary\r\n", "a=1&b=2", "{\"a\":\"\\x41\"}", "{\"a\":01}", "{\"a\" 1}", "{\"a\":tru}"];

    public static readonly IReadOnlyList<string> WrongContentTypes =
        ["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream", "application/jsonx",
         "json", "*/*", "application/", "image/png", "text/json; q=0.1", "APPLICATION/JSON", "application/json;;;", "application/json; boundary=\"", ""];

    public static readonly IReadOnlyList<string> OddCharsets =
        ["application/json; charset=utf-16", "application/json; charset=iso-8859-1", "application/json; charset=bogus", "application/json; charset=", "application/json; charset=\"utf-8",
         "application/json; charset=utf-32BE"];

    /// <summary>Values for the spec's own header parameters (Range, If-Match, If-None-Match).</summary>
    public static readonly IReadOnlyList<string> OddHeaderValues =
        ["bytes=abc", "bytes=5-1", "bytes=-0", "bytes=0-0,1-1,2-2,3-3,4-4,5-5,6-6,7-7,8-8,9-9,10-10", "bytes=99999999999999999999-", "items=0-1", "bytes=", "bytes=--1",
         "\"x\"", "*, *", "W/\"x\"", "\"", "*x", "", "\"a\", \"b\"", "bytes=0-9223372036854775807", "bytes=-9223372036854775808"];

    /// <summary>Authorization values that name no key or a garbled one (none names a fixed key: wrong secrets slow a key down).</summary>
    public static readonly IReadOnlyList<string> MalformedAuthorization =
        ["Basic !!!", "Basic ", "Basic " + Convert.ToBase64String("no-colon"u8.ToArray()), "Basic " + Convert.ToBase64String([0x3A, 0xFE]),
         "Bearer garbage.jwt.x", "Bearer ", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.",
         "Digest username=\"x\"", "basic", "Basic =", "AWS4-HMAC-SHA256 Credential=x", "Token abc"];
}
