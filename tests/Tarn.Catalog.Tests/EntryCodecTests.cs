using Tarn.Catalog.Entries;

namespace Tarn.Catalog.Tests;

public sealed class EntryCodecTests
{
    [Fact]
    public void An_entry_round_trips()
    {
        var entry = new ObjectEntry
        {
            Address = "data/gb5o3kg5kmfs73c9h0tg/cl8tvmg5kmfs73c9h0u0",
            AddressKind = AddressKind.Full,
            LastModified = new DateTimeOffset(2026, 11, 26, 1, 2, 3, 456, TimeSpan.Zero),
            Size = 12345,
            Checksum = "5d41402abc4b2a76b9719d911017c592",
            ContentType = "text/csv",
            Metadata = new Dictionary<string, string> { ["owner"] = "jane", ["X-Amz-Meta-Team"] = "ü" },
        };

        var decoded = EntryCodec.Decode(EntryCodec.Encode(entry));

        Assert.Equal(entry.Address, decoded.Address);
        Assert.Equal(entry.AddressKind, decoded.AddressKind);
        Assert.Equal(entry.LastModified, decoded.LastModified);
        Assert.Equal(entry.Size, decoded.Size);
        Assert.Equal(entry.Checksum, decoded.Checksum);
        Assert.Equal(entry.ContentType, decoded.ContentType);
        Assert.Equal(entry.Metadata, decoded.Metadata);
    }

    [Fact]
    public void Identity_ignores_address_and_time_but_not_metadata_or_content_type()
    {
        var entry = new ObjectEntry { Address = "a", Size = 5, Checksum = "5d41402abc4b2a76b9719d911017c592" };
        var moved = entry with { Address = "b", LastModified = DateTimeOffset.UnixEpoch.AddDays(1) };
        Assert.True(EntryCodec.Encode(entry).SameIdentity(EntryCodec.Encode(moved)));
        Assert.False(EntryCodec.Encode(entry).SameIdentity(EntryCodec.Encode(entry with { ContentType = "text/plain" })));
        Assert.False(EntryCodec.Encode(entry).SameIdentity(EntryCodec.Encode(entry with { Metadata = new Dictionary<string, string> { ["k"] = "v" } })));
    }

    [Fact]
    public void Identity_matches_the_spec_vector()
    {
        var value = EntryCodec.Encode(new ObjectEntry { Address = "x", Size = 5, Checksum = "5d41402abc4b2a76b9719d911017c592" });
        Assert.Equal("ee988410151dd0d904da2f912d4a38312ca3562fa927b2aed6d2650394cbd334", Convert.ToHexStringLower(value.Identity));
    }

    [Fact]
    public void A_typical_staged_entry_is_small()
    {
        var value = EntryCodec.Encode(new ObjectEntry
        {
            Address = "data/gb5o3kg5kmfs73c9h0tg/cl8tvmg5kmfs73c9h0u0",
            LastModified = DateTimeOffset.UtcNow,
            Size = 4096,
            Checksum = "5d41402abc4b2a76b9719d911017c592",
        });
        Assert.True(value.Identity.Length + value.Data.Length <= 160, $"{value.Identity.Length + value.Data.Length} bytes");
    }
}
