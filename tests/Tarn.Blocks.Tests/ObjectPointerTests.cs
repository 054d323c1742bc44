using Tarn.Core;

namespace Tarn.Blocks.Tests;

public sealed class ObjectPointerTests
{
    private static readonly StorageNamespace Repo = StorageNamespace.Parse("s3://bucket/repos/r1/");

    [Fact]
    public void A_relative_pointer_carries_its_namespace_and_key()
    {
        var pointer = ObjectPointer.Relative(Repo, "data/a/b");

        Assert.Equal(AddressType.Relative, pointer.AddressType);
        Assert.Equal(Repo, pointer.Namespace);
        Assert.Equal("data/a/b", pointer.Identifier);
        Assert.Equal("s3", pointer.Scheme);
        Assert.Equal("s3://bucket/repos/r1/data/a/b", pointer.ToString());
    }

    [Fact]
    public void A_full_pointer_stands_alone()
    {
        var pointer = ObjectPointer.Full("LOCAL:///var/data/x");

        Assert.Equal(AddressType.Full, pointer.AddressType);
        Assert.Null(pointer.Namespace);
        Assert.Equal("local", pointer.Scheme);
        Assert.Equal("LOCAL:///var/data/x", pointer.ToString());
    }

    [Theory]
    [InlineData("s3://bucket/repos/r1/data/x", AddressType.Relative, "data/x")]
    [InlineData("s3://bucket/repos/r1", AddressType.Full, "s3://bucket/repos/r1")]
    [InlineData("s3://bucket/repos/r1/", AddressType.Full, "s3://bucket/repos/r1/")]
    [InlineData("s3://bucket/repos/r10/x", AddressType.Full, "s3://bucket/repos/r10/x")]
    [InlineData("s3://other/x", AddressType.Full, "s3://other/x")]
    public void Handed_back_addresses_inside_the_namespace_become_relative(string address, AddressType type, string identifier)
    {
        var pointer = ObjectPointer.FromAddress(Repo, address);

        Assert.Equal(type, pointer.AddressType);
        Assert.Equal(identifier, pointer.Identifier);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-scheme/x")]
    [InlineData("s3://")]
    [InlineData("9p://x")]
    public void Malformed_full_addresses_are_invalid(string address)
    {
        var error = Assert.ThrowsAny<TarnException>(() => ObjectPointer.Full(address));

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public void A_relative_pointer_needs_a_key()
    {
        Assert.Equal(ErrorKind.InvalidArgument, Assert.ThrowsAny<TarnException>(() => ObjectPointer.Relative(Repo, "")).Kind);
    }

    [Fact]
    public void Pointers_compare_by_value()
    {
        Assert.Equal(ObjectPointer.Relative(Repo, "k"), ObjectPointer.Relative(StorageNamespace.Parse("s3://bucket/repos/r1"), "k"));
        Assert.NotEqual(ObjectPointer.Relative(Repo, "k"), ObjectPointer.Relative(Repo, "j"));
    }
}
