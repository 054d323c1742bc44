using Tarn.Versioning.Hashing;

namespace Tarn.Versioning.Tests.Hashing;

public sealed class ObjectIdentityTests
{
    [Fact]
    public void Reproduces_the_spec_vector()
    {
        var identity = ObjectIdentity.Compute(5, "5d41402abc4b2a76b9719d911017c592", null, "application/octet-stream");
        Assert.Equal("ee988410151dd0d904da2f912d4a38312ca3562fa927b2aed6d2650394cbd334", Convert.ToHexStringLower(identity));
    }

    [Fact]
    public void Empty_content_type_is_not_hashed()
    {
        Assert.Equal(ObjectIdentity.Compute(5, "x", null, null), ObjectIdentity.Compute(5, "x", null, ""));
        Assert.NotEqual(ObjectIdentity.Compute(5, "x", null, null), ObjectIdentity.Compute(5, "x", null, "text/plain"));
    }

    [Fact]
    public void Metadata_changes_identity()
    {
        var plain = ObjectIdentity.Compute(5, "x", null, null);
        var tagged = ObjectIdentity.Compute(5, "x", new Dictionary<string, string> { ["owner"] = "jane" }, null);
        Assert.NotEqual(plain, tagged);
    }

    [Fact]
    public void Span_overload_writes_the_same_bytes()
    {
        Span<byte> destination = stackalloc byte[32];
        ObjectIdentity.Compute(5, "5d41402abc4b2a76b9719d911017c592", null, "application/octet-stream", destination);
        Assert.Equal(ObjectIdentity.Compute(5, "5d41402abc4b2a76b9719d911017c592", null, "application/octet-stream"), destination.ToArray());
    }
}
