using System.Globalization;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>The optional parts of requests, valid and not: ranges, conditional headers, extra query parameters, metadata, digests.</summary>
internal static class Garnish
{
    public static readonly string[] Ranges =
    [
        "bytes=0-9", "bytes=-5", "bytes=5-", "bytes=", "bytes=9-0", "bytes=0-1,3-4", "bytes=99999999999999999999-", "bytes=-0", "bytes=0-0",
        "bytes=-99999999999999999999", "items=0-1", "bytes=a-b", "bytes= 1 - 2", "bytes=-", "bytes=18446744073709551616-18446744073709551617",
        "bytes=0--1", "bytes=9223372036854775807-", "bytes=1-9223372036854775807", "bytes=-9223372036854775808", "bytes=0-9,", "bytes", "=",
    ];

    public static readonly string[] Dates =
    [
        "yesterday", "Mon, 32 Jan 2024 00:00:00 GMT", "0", "-1", "9999-12-31", "Fri, 31 Dec 9999 23:59:59 GMT", "Thu, 01 Jan 1970 00:00:00 GMT",
        "", "Sat, 01 Jan 0001 00:00:00 GMT", "20240101T000000Z", "Tue, 15 Nov 1994 08:12:31 GMT", "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 1994", "\u00ff\u00fe", "Mon, 01 Jan 2024 25:61:61 GMT", "0001-01-01T00:00:00+14:00", "Fri, 31 Dec 9999 23:59:59 -1400",
        "9999-12-31T23:59:59-14:00", "99999999999999999999",
    ];

    public static readonly string[] ETagConditions = ["*", "\"nope\"", "W/\"x\"", "\"\"", ",", "\"a\", \"b\"", "garbage", "*, \"x\""];

    public static readonly string[] QueryExtras =
    [
        "foo=bar", "x-id=GetObject", "a=%zz", "b=%ff", "&&&", "=value", "name=", "partNumber=1&partNumber=2", "versionId=null",
        "uploadId=", "uploads=", "response-content-type=text/plain", "response-expires=garbage", "response-content-disposition=a%0D%0AX-Injected:%201",
        "response-cache-control=%E2%9C%93", "acl", "tagging", "location", "delete", "torrent", "select", "restore", "lambdaArn", "versions",
        "list-type=3", "max-keys=-1", "max-keys=99999999999", "encoding-type=url", "%2e%2e=1", "x=" + new string('v', 3000), "a+b=c+d", "%00=%00",
    ];

    /// <summary>Adds random reading headers: a range, conditions, both valid and garbage.</summary>
    public static void ReadHeaders(CaseContext c, RawHttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(request);
        if (c.Chance(40))
        {
            request.Headers.Add(("Range", c.Pick(Ranges)));
        }

        if (c.Chance(15))
        {
            request.Headers.Add((c.Pick<string>(["If-Modified-Since", "If-Unmodified-Since"]), Wire.FromUtf8(c.Pick(Dates))));
        }

        if (c.Chance(15))
        {
            request.Headers.Add((c.Pick<string>(["If-Match", "If-None-Match"]), c.Pick(ETagConditions)));
        }

        if (c.Chance(5))
        {
            request.Headers.Add(("x-amz-checksum-mode", "ENABLED"));
        }
    }

    /// <summary>Adds random writing headers: content type, user metadata, storage class, Expect.</summary>
    public static void WriteHeaders(CaseContext c, RawHttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(request);
        if (c.Chance(50))
        {
            request.Headers.Add(("Content-Type", c.Pick<string>(["text/plain", "application/octet-stream", "application/x-directory", "x/y; charset=utf-8", "", ";;;"])));
        }

        for (var i = c.Random.Next(3); i > 0; i--)
        {
            request.Headers.Add(("x-amz-meta-" + c.Pick<string>(["color", "Mixed-Case", "a", "dup", "x_y", "1"]),
                c.Pick<string>(["blue", "  padded  ", "", "a,b", "x" + c.Random.Next(99), "tab\tinside", Wire.FromUtf8("ünïcödé")])));
        }

        if (c.Chance(10))
        {
            request.Headers.Add(("x-amz-storage-class", c.Pick<string>(["STANDARD", "GLACIER", "nonsense"])));
        }

        if (c.Chance(15))
        {
            request.Headers.Add(("Expect", "100-continue"));
        }

        if (c.Chance(5))
        {
            request.Headers.Add(("If-None-Match", c.Pick<string>(["*", "\"etag\"", ""])));
        }
    }

    /// <summary>Declares digests of the body: right, wrong or malformed Content-MD5 and x-amz-checksum-* headers.</summary>
    public static void Digests(CaseContext c, RawHttpRequest request, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(request);
        if (c.Chance(20))
        {
            request.Headers.Add(("Content-MD5", c.Random.Next(4) switch
            {
                0 => CaseContext.Base64Md5([.. body, 1]),
                1 => "not base64!",
                2 => Convert.ToBase64String([1, 2, 3]),
                _ => CaseContext.Base64Md5(body),
            }));
        }

        if (c.Chance(10))
        {
            request.Headers.Add((c.Pick<string>(["x-amz-checksum-sha256", "x-amz-checksum-crc32", "x-amz-checksum-crc64nvme", "x-amz-checksum-unknown"]), c.Random.Next(3) switch
            {
                0 => AwsChunkedBody.Sha256Base64(body),
                1 => "%%%",
                _ => "AAAAAA==",
            }));
        }
    }

    /// <summary>Sometimes appends one to three extra query parameters.</summary>
    public static string Query(CaseContext c, string target)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(target);
        if (!c.Chance(15))
        {
            return target;
        }

        var extras = string.Join('&', Enumerable.Range(0, c.Random.Next(1, 4)).Select(_ => c.Pick(QueryExtras)));
        return target + (target.Contains('?', StringComparison.Ordinal) ? "&" : "?") + extras;
    }

    public static string Number(CaseContext c, int usual)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Random.Next(10) switch
        {
            0 => "0",
            1 => "10001",
            2 => "-1",
            3 => "abc",
            4 => "1.5",
            5 => "2147483648",
            6 => "",
            7 => "%201",
            _ => usual.ToString(CultureInfo.InvariantCulture),
        };
    }
}
