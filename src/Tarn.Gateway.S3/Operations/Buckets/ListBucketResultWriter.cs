using System.Globalization;
using System.Xml;

namespace Tarn.Gateway.S3.Operations.Buckets;

/// <summary>
/// The <c>ListBucketResult</c> document shared by v1 and v2, in the element order clients parse
/// (docs/gateway.md, "Listing"): Name, IsTruncated, Prefix, Delimiter?, KeyCount, MaxKeys, CommonPrefixes*, then the
/// version's own markers, then Contents*. Keys are written raw (no <c>EncodingType</c>).
/// </summary>
internal static class ListBucketResultWriter
{
    public static void WriteStart(XmlWriter xml, string bucket, BucketListingPage page, string prefix, string delimiter, int maxKeys)
    {
        xml.WriteStartElement("ListBucketResult", S3Format.Namespace);
        xml.WriteElementString("Name", bucket);
        xml.WriteElementString("IsTruncated", page.IsTruncated ? "true" : "false");
        xml.WriteElementString("Prefix", prefix);
        if (delimiter.Length > 0)
        {
            xml.WriteElementString("Delimiter", delimiter);
        }

        xml.WriteElementString("KeyCount", page.KeyCount.ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("MaxKeys", maxKeys.ToString(CultureInfo.InvariantCulture));
        foreach (var common in page.CommonPrefixes)
        {
            xml.WriteStartElement("CommonPrefixes");
            xml.WriteElementString("Prefix", common);
            xml.WriteEndElement();
        }
    }

    public static void WriteContentsAndEnd(XmlWriter xml, BucketListingPage page)
    {
        foreach (var (key, entry) in page.Contents)
        {
            xml.WriteStartElement("Contents");
            xml.WriteElementString("Key", key);
            xml.WriteElementString("LastModified", S3Format.XmlTime(entry.LastModified));
            xml.WriteElementString("ETag", S3Format.QuotedETag(entry.Checksum));
            xml.WriteElementString("Size", entry.Size.ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("StorageClass", "STANDARD");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }
}
