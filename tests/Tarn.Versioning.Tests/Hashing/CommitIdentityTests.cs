using Tarn.Versioning.Hashing;
using Tarn.Versioning.Model;

namespace Tarn.Versioning.Tests.Hashing;

public sealed class CommitIdentityTests
{
    [Fact]
    public void Reproduces_lakefs_vector_one()
    {
        var id = CommitIdentity.Compute(
            "some-committer",
            "I just committed",
            "123456789987654321",
            1611501012,
            new Dictionary<string, string> { ["sdkafjnb"] = "1234", ["sdkjvcnbkjndsc"] = "asnjkdl" },
            ["132456987153687sdfsdf", "1324569csfvdkjhcsdkjc"]);
        Assert.Equal("f1a106bbeb12d3eb54418d6000f4507501d289d0d0879dcce6f4d31425587df1", id);
    }

    [Fact]
    public void Reproduces_lakefs_vector_two()
    {
        var id = CommitIdentity.Compute(
            "Committer", "message", "metarangeId", 1000000000, new Dictionary<string, string> { ["key"] = "value" }, ["parent1", "parent2"]);
        Assert.Equal("0c5f9d6fde638a6aa82840caf2485bdbe6ad0fc3f220ea88884df9ed99d7cf19", id);
    }

    [Fact]
    public void Typed_overload_hashes_only_whole_seconds_of_the_date()
    {
        var date = DateTimeOffset.FromUnixTimeSeconds(1611501012).AddMilliseconds(999.9);
        var id = CommitIdentity.Compute(
            "some-committer",
            "I just committed",
            new MetaRangeId("123456789987654321"),
            date,
            new Dictionary<string, string> { ["sdkjvcnbkjndsc"] = "asnjkdl", ["sdkafjnb"] = "1234" },
            [new CommitId("132456987153687sdfsdf"), new CommitId("1324569csfvdkjhcsdkjc")]);
        Assert.Equal("f1a106bbeb12d3eb54418d6000f4507501d289d0d0879dcce6f4d31425587df1", id.Value);
    }

    [Fact]
    public void Parent_order_matters()
    {
        var a = CommitIdentity.Compute("c", "m", "", 1, null, ["p1", "p2"]);
        var b = CommitIdentity.Compute("c", "m", "", 1, null, ["p2", "p1"]);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Empty_and_null_metadata_hash_alike()
    {
        Assert.Equal(
            CommitIdentity.Compute("c", "m", "", 1, null, []),
            CommitIdentity.Compute("c", "m", "", 1, new Dictionary<string, string>(), []));
    }
}
