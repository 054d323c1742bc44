namespace Tarn.Blocks.Memory;

/// <summary>A multipart upload in progress: its target location and the parts received so far.</summary>
internal sealed class MemoryUpload
{
    public MemoryUpload(string location) => Location = location;

    /// <summary>The object the upload will become, as a store location (<c>root/prefix/key</c>).</summary>
    public string Location { get; }

    /// <summary>Part number to content and binary MD5; guarded by the adapter's lock.</summary>
    public Dictionary<int, (byte[] Data, byte[] Md5)> Parts { get; } = [];
}
