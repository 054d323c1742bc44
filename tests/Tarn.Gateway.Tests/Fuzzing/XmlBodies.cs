using System.Globalization;
using System.Security;
using System.Text;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>
/// XML request bodies for DeleteObjects and CompleteMultipartUpload: well-formed ones with odd content, and
/// hostile ones — malformed, huge, deeply nested, DTDs with entity expansion or external entities (XXE),
/// foreign namespaces, duplicated and unsorted parts.
/// </summary>
internal static class XmlBodies
{
    private const string S3Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

    /// <summary>Whether a body uses a DTD: such a body must be refused as a whole.</summary>
    public static bool HasDtd(byte[] body) => Encoding.UTF8.GetString(body).Contains("<!DOCTYPE", StringComparison.Ordinal);

    /// <summary>A DeleteObjects body naming <paramref name="keys"/> (S3 keys, <c>ref/path</c>) in one of many shapes.</summary>
    public static byte[] Delete(CaseContext c, IReadOnlyList<string> keys, out string shape)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(keys);
        var objects = string.Concat(keys.Select(k => $"<Object><Key>{Escape(k)}</Key></Object>"));
        var quiet = c.Chance(30) ? $"<Quiet>{c.Pick<string>(["true", "false", "TRUE", "yes", ""])}</Quiet>" : "";
        (shape, var text) = c.Random.Next(16) switch
        {
            0 => ("malformed-unclosed", $"<Delete>{objects}"),
            1 => ("malformed-garbage", "<<<>>>&&&"),
            2 => ("empty", ""),
            3 => ("no-objects", "<Delete></Delete>"),
            4 => ("too-many-keys", "<Delete>" + string.Concat(Enumerable.Range(0, 1001).Select(i => $"<Object><Key>main/fuzz/many-{i}</Key></Object>")) + "</Delete>"),
            5 => ("deep-nesting", Deep(c, "Delete")),
            6 => ("dtd-entity-expansion", Laughs("Delete", keys)),
            7 => ("dtd-external-entity", Xxe("Delete", keys)),
            8 => ("foreign-namespace", $"<Delete xmlns=\"urn:not-s3\">{objects}{quiet}</Delete>"),
            9 => ("prefixed-namespace", $"<s:Delete xmlns:s=\"{S3Namespace}\">{objects.Replace("<", "<s:", StringComparison.Ordinal).Replace("<s:/", "</s:", StringComparison.Ordinal)}</s:Delete>"),
            10 => ("cdata-and-comments", $"<Delete><!-- c --><Object><Key><![CDATA[{keys[0]}]]></Key></Object><?pi x?></Delete>"),
            11 => ("huge", c.Chance(10) ? "<Delete><Object><Key>main/fuzz/" + new string('h', 9 * 1024 * 1024) + "</Key></Object></Delete>" : $"<Delete>{objects}</Delete>"),
            12 => ("split-key-text", $"<Delete><Object><Key>{Escape(keys[0])}<X/>tail</Key></Object></Delete>"),
            13 => ("utf16", $"<?xml version=\"1.0\" encoding=\"UTF-16\"?><Delete>{objects}</Delete>"),
            14 => ("control-characters", $"<Delete><Object><Key>main/fuzz/ctl&#1;&#x0;&#xFFFE;</Key></Object></Delete>"),
            _ => ("plain", $"<Delete xmlns=\"{S3Namespace}\">{objects}{quiet}</Delete>"),
        };
        return shape == "utf16" && c.Chance(50) ? Encoding.Unicode.GetBytes(text) : Encoding.UTF8.GetBytes(text);
    }

    /// <summary>A CompleteMultipartUpload body over <paramref name="parts"/> (number, ETag) in one of many shapes.</summary>
    public static byte[] Complete(CaseContext c, IReadOnlyList<(int Number, string ETag)> parts, out string shape)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(parts);
        static string Part(string number, string eTag) => $"<Part><PartNumber>{number}</PartNumber><ETag>{eTag}</ETag></Part>";
        var listed = string.Concat(parts.Select(p => Part(p.Number.ToString(CultureInfo.InvariantCulture), "\"" + p.ETag + "\"")));
        var first = parts.Count > 0 ? parts[0] : (1, "00000000000000000000000000000000");
        (shape, var text) = c.Random.Next(17) switch
        {
            0 => ("malformed", "<CompleteMultipartUpload><Part>"),
            1 => ("empty", ""),
            2 => ("no-parts", "<CompleteMultipartUpload></CompleteMultipartUpload>"),
            3 => ("duplicated-parts", $"<CompleteMultipartUpload>{listed}{listed}</CompleteMultipartUpload>"),
            4 => ("unsorted-parts", $"<CompleteMultipartUpload>{string.Concat(parts.Reverse().Select(p => Part(p.Number.ToString(CultureInfo.InvariantCulture), p.ETag)))}</CompleteMultipartUpload>"),
            5 => ("part-number-" + Garnish.Number(c, first.Item1), $"<CompleteMultipartUpload>{Part(Garnish.Number(c, first.Item1), first.Item2)}</CompleteMultipartUpload>"),
            6 => ("wrong-etag", $"<CompleteMultipartUpload>{Part(first.Item1.ToString(CultureInfo.InvariantCulture), "\"ffffffffffffffffffffffffffffffff\"")}</CompleteMultipartUpload>"),
            7 => ("missing-etag", $"<CompleteMultipartUpload><Part><PartNumber>{first.Item1}</PartNumber></Part></CompleteMultipartUpload>"),
            8 => ("deep-nesting", Deep(c, "CompleteMultipartUpload")),
            9 => ("dtd-entity-expansion", LaughsComplete(first.Item1, first.Item2)),
            10 => ("dtd-external-entity", $"<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><CompleteMultipartUpload>{Part(first.Item1.ToString(CultureInfo.InvariantCulture), "&e;")}</CompleteMultipartUpload>"),
            11 => ("foreign-namespace", $"<CompleteMultipartUpload xmlns=\"urn:x\">{listed}</CompleteMultipartUpload>"),
            12 => ("huge-part-list", "<CompleteMultipartUpload>" + string.Concat(Enumerable.Range(1, 20000).Select(i => Part(i.ToString(CultureInfo.InvariantCulture), first.Item2))) + "</CompleteMultipartUpload>"),
            13 => ("number-overflow", $"<CompleteMultipartUpload>{Part("99999999999999999999", first.Item2)}</CompleteMultipartUpload>"),
            14 => ("whitespace-and-plus", $"<CompleteMultipartUpload>{Part(" +" + first.Item1 + " ", " " + first.Item2 + " ")}</CompleteMultipartUpload>"),
            15 => ("garbage-bytes", "\u00ff\u00fe<\0>"),
            _ => ("plain", $"<CompleteMultipartUpload xmlns=\"{S3Namespace}\">{listed}</CompleteMultipartUpload>"),
        };
        return Encoding.UTF8.GetBytes(text);
    }

    private static string Escape(string text) => SecurityElement.Escape(text) ?? "";

    // Nesting deep enough to cost a naive reader quadratic time, closed again so the document stays well-formed.
    private static string Deep(CaseContext c, string root)
    {
        var depth = c.Pick<int>([100, 1_000, 10_000, 50_000]);
        var builder = new StringBuilder(depth * 8 + 64);
        builder.Append('<').Append(root).Append('>');
        builder.Insert(builder.Length, "<a>", depth);
        builder.Append("main/fuzz/deep");
        builder.Insert(builder.Length, "</a>", depth);
        return builder.Append("</").Append(root).Append('>').ToString();
    }

    // "Billion laughs": entities that expand exponentially; the keys ride on an entity so only a reader that expands it sees them.
    private static string Laughs(string root, IReadOnlyList<string> keys)
    {
        var entities = new StringBuilder("<!ENTITY l0 \"lol\">");
        for (var i = 1; i < 12; i++)
        {
            entities.Append($"<!ENTITY l{i} \"&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};\">");
        }

        entities.Append($"<!ENTITY k \"{Escape(keys[0])}\">");
        return $"<?xml version=\"1.0\"?><!DOCTYPE {root} [{entities}]><{root}><Object><Key>&k;</Key></Object><Object><Key>&l11;</Key></Object></{root}>";
    }

    private static string LaughsComplete(int number, string eTag) =>
        $"<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY n \"{number}\"><!ENTITY t \"{eTag}\"><!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY z \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>" +
        $"<CompleteMultipartUpload><Part><PartNumber>&n;</PartNumber><ETag>&t;</ETag></Part><X>&z;</X></CompleteMultipartUpload>";

    private static string Xxe(string root, IReadOnlyList<string> keys) =>
        $"<?xml version=\"1.0\"?><!DOCTYPE {root} [<!ENTITY k \"{Escape(keys[0])}\"><!ENTITY e SYSTEM \"file:///etc/hostname\"><!ENTITY % p SYSTEM \"http://127.0.0.1:1/x.dtd\">%p;]>" +
        $"<{root}><Object><Key>&k;</Key></Object><Object><Key>&e;</Key></Object></{root}>";
}
