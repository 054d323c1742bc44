using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace Tarn.Load.Api;

/// <summary>Request bodies of a given size: a shared array for small objects, a generated stream for big ones.</summary>
internal static class Payloads
{
    private const long SharedArrayLimit = 1024 * 1024;
    private static readonly ConcurrentDictionary<long, byte[]> Arrays = new();
    private static readonly MediaTypeHeaderValue OctetStream = new("application/octet-stream");

    /// <summary>A body of <paramref name="size"/> bytes, labelled application/octet-stream, with its length set.</summary>
    public static HttpContent Create(long size)
    {
        HttpContent content = size <= SharedArrayLimit
            ? new ByteArrayContent(Bytes(size))
            : new StreamContent(new GeneratedStream(size), 1024 * 1024);
        content.Headers.ContentType = OctetStream;
        content.Headers.ContentLength = size;
        return content;
    }

    /// <summary>A shared (never mutated) array of <paramref name="size"/> pseudo-random bytes.</summary>
    public static byte[] Bytes(long size) => Arrays.GetOrAdd(size, static length =>
    {
        var bytes = new byte[length];
        using var generated = new GeneratedStream(length);
        generated.ReadExactly(bytes);
        return bytes;
    });
}
