using System.Text;
using Tarn.Gateway.S3.Checksums;

namespace Tarn.Gateway.Tests.Body;

public sealed class ChecksumTests
{
    // The standard check values: each algorithm over the ASCII bytes "123456789".
    [Theory]
    [InlineData(ChecksumAlgorithm.Crc32, "CBF43926")]
    [InlineData(ChecksumAlgorithm.Crc32C, "E3069283")]
    [InlineData(ChecksumAlgorithm.Crc64Nvme, "AE8B14860A799888")]
    [InlineData(ChecksumAlgorithm.Sha1, "F7C3BC1D808E04732ADF679965CCC34CA7AE3441")]
    public void Check_values_match_the_published_ones(ChecksumAlgorithm algorithm, string expectedHex)
    {
        var checksum = ChecksumHeaders.Create(algorithm);

        checksum.Append("123456789"u8);

        Assert.Equal(expectedHex, Convert.ToHexString(checksum.GetResult()));
    }

    [Theory]
    [InlineData(ChecksumAlgorithm.Crc32)]
    [InlineData(ChecksumAlgorithm.Crc32C)]
    [InlineData(ChecksumAlgorithm.Crc64Nvme)]
    public void Appending_in_pieces_equals_appending_at_once(ChecksumAlgorithm algorithm)
    {
        var data = new byte[10_007];
        new Random(7).NextBytes(data);
        var whole = ChecksumHeaders.Create(algorithm);
        whole.Append(data);
        var pieces = ChecksumHeaders.Create(algorithm);
        for (var offset = 0; offset < data.Length; offset += 13)
        {
            pieces.Append(data.AsSpan(offset, Math.Min(13, data.Length - offset)));
        }

        Assert.Equal(whole.GetResult(), pieces.GetResult());
    }

    [Theory]
    [InlineData("x-amz-checksum-crc32", ChecksumAlgorithm.Crc32)]
    [InlineData("X-Amz-Checksum-CRC32C", ChecksumAlgorithm.Crc32C)]
    [InlineData("x-amz-checksum-crc64nvme", ChecksumAlgorithm.Crc64Nvme)]
    [InlineData("x-amz-checksum-sha256", ChecksumAlgorithm.Sha256)]
    [InlineData("x-amz-checksum-type", null)]
    [InlineData("content-md5", null)]
    public void Header_names_map_to_algorithms(string name, ChecksumAlgorithm? expected) =>
        Assert.Equal(expected, ChecksumHeaders.FromHeaderName(name));

    [Fact]
    public void Crc32_of_empty_input_is_zero() =>
        Assert.Equal(Encoding.ASCII.GetBytes("\0\0\0\0"), ChecksumHeaders.Create(ChecksumAlgorithm.Crc32).GetResult());
}
