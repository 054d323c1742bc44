using System.Security.Cryptography;

namespace Tarn.Blocks.Tests;

/// <summary>Deterministic test content and the checks the contract repeats.</summary>
internal static class TestData
{
    public static byte[] Bytes(int length, int seed = 1)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    public static string Md5Hex(byte[] data) => Convert.ToHexStringLower(MD5.HashData(data));

    public static async Task<byte[]> ReadAllAsync(BlockContent content)
    {
        await using (content)
        {
            using var copy = new MemoryStream();
            await content.Data.CopyToAsync(copy, TestContext.Current.CancellationToken);
            return copy.ToArray();
        }
    }
}
