using System.Text;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>
/// Object paths and their encodings: ordinary, Unicode (astral too), control characters, reserved characters,
/// doubled and trailing slashes, very long ones; encoded the many ways a client may (every byte escaped,
/// lower-case hex, raw UTF-8, <c>+</c> left alone), plus the hostile raw forms (<c>%ff</c>, malformed escapes).
/// </summary>
internal static class ObjectKeys
{
    private static readonly string[] Pieces =
    [
        "a", "data", "x.csv", "dir", "日本語", "ü", "😀", "𝄞", "with space", "plus+sign", "per%cent", "q?mark", "hash#tag", "amp&eq=",
        "semi;colon", "tilde~", "star*", "quote'\"", "comma,", "back\\slash", "tab\t", "bell\u0007", "del\u007f", "crlf\r\n",
        "..", ".", "...", ".hidden", "trailing.", "-", "_", "\u200b", "\ufeff", "é", "e\u0301", "<tag>", "&amp;", "]]>",
    ];

    /// <summary>A decoded path under <paramref name="prefix"/>: one to five pieces, sometimes doubled or trailing slashes.</summary>
    public static string RandomPath(Random random, string prefix)
    {
        ArgumentNullException.ThrowIfNull(random);
        var builder = new StringBuilder(prefix);
        var segments = random.Next(1, 6);
        for (var i = 0; i < segments; i++)
        {
            if (i > 0)
            {
                builder.Append(random.Next(12) == 0 ? "//" : "/");
            }

            // NUL is rare: the web server refuses %00 in a path before the gateway sees it.
            builder.Append(random.Next(200) == 0 ? "nul\0" : Pieces[random.Next(Pieces.Length)]);
            if (random.Next(3) == 0)
            {
                builder.Append(random.Next(1000));
            }
        }

        if (random.Next(10) == 0)
        {
            builder.Append('/');
        }

        if (random.Next(40) == 0)
        {
            builder.Append(new string('k', random.Next(900, 1100)));
        }

        // A leading slash: the key's path starts with "/" (the raw target then has "//" after the ref).
        return random.Next(15) == 0 ? "/" + builder : builder.ToString();
    }

    /// <summary>The raw (wire) form of a decoded path, encoded in one of the ways clients do.</summary>
    public static string Encode(Random random, string path)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(path);
        // Raw (unescaped) UTF-8 is rare: the web server refuses non-ASCII request targets before the gateway sees them.
        var style = random.Next(20) == 0 ? 3 : random.Next(5) switch { 3 => 0, var other => other };
        var builder = new StringBuilder(path.Length * 2);
        foreach (var b in Encoding.UTF8.GetBytes(path))
        {
            var unreserved = char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~' or (byte)'/';
            var keep = style switch
            {
                0 => unreserved,
                // Every byte escaped, even letters and dots (S3 decodes them the same).
                1 => b == '/',
                // Sub-delimiters left raw, as some SDKs do.
                2 => unreserved || b is (byte)'+' or (byte)'!' or (byte)'$' or (byte)'\'' or (byte)'(' or (byte)')' or (byte)'*' or (byte)',' or (byte)';' or (byte)'=' or (byte)'@' or (byte)':',
                // Raw UTF-8 bytes on the wire for non-ASCII.
                3 => unreserved || b >= 0x80,
                _ => unreserved,
            };
            if (keep)
            {
                builder.Append((char)b);
            }
            else
            {
                var hex = Convert.ToHexString([b]);
                builder.Append('%').Append(style == 4 ? hex.ToLowerInvariant() : hex);
            }
        }

        return builder.ToString();
    }

    /// <summary>A raw path that is not decodable: a malformed escape, invalid UTF-8, an overlong encoding or a lone surrogate.</summary>
    public static string Undecodable(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.Next(7) switch
        {
            0 => "fuzz/bad%zzescape",
            1 => "fuzz/trunc%2",
            2 => "fuzz/invalid-%ff-utf8",
            3 => "fuzz/overlong-%c0%ae%c0%ae",
            4 => "fuzz/surrogate-%ed%a0%80",
            5 => "fuzz/raw-\u00ff-byte",
            _ => "fuzz/%",
        };
    }

    /// <summary>
    /// A raw path (after <c>/repo/</c>) that names something else than <paramref name="sentinelPath"/> on
    /// <paramref name="reference"/>, but becomes exactly that path once dot segments are removed.
    /// </summary>
    public static string DotSegmentsTo(Random random, string repository, string reference, string sentinelPath)
    {
        ArgumentNullException.ThrowIfNull(random);
        var parent = DotSegments.Parents[random.Next(DotSegments.Parents.Length)];
        var current = DotSegments.Currents[random.Next(DotSegments.Currents.Length)];
        var slash = sentinelPath.LastIndexOf('/');
        return random.Next(6) switch
        {
            0 => $"{reference}/junk{random.Next(100)}/{parent}/{sentinelPath}",
            1 when slash > 0 => $"{reference}/{sentinelPath[..slash]}/{current}/{sentinelPath[(slash + 1)..]}",
            2 => $"{reference}/{current}/{sentinelPath}",
            3 => $"{parent}/{repository}/{reference}/{sentinelPath}",
            4 => $"{reference}/a/b/{parent}/{parent}/{sentinelPath}",
            _ => $"{reference}/{sentinelPath}/x/{parent}",
        };
    }

    /// <summary>A raw path (after <c>/repo/</c>) whose dot segments climb to the repository, the root, or past it.</summary>
    public static string DotSegmentsUp(Random random, string reference)
    {
        ArgumentNullException.ThrowIfNull(random);
        var parent = DotSegments.Parents[random.Next(DotSegments.Parents.Length)];
        return random.Next(5) switch
        {
            0 => $"{reference}/{parent}",
            1 => $"{reference}/{parent}/{parent}",
            2 => $"{reference}/{parent}/{parent}/{parent}/{parent}",
            3 => $"{reference}/{DotSegments.Currents[random.Next(DotSegments.Currents.Length)]}",
            _ => $"{reference}/x/{parent}/",
        };
    }
}
