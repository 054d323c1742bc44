using Tarn.Versioning.Model;

namespace Tarn.Versioning.Refs;

/// <summary>
/// Binary encodings of the ref records. Each value starts with a format byte (<see cref="Format"/>) so
/// the layout can evolve; fields follow in declaration order (strings and maps as in
/// <see cref="RecordWriter"/>, dates as UTC ticks in a zig-zag varint, keeping sub-second precision).
/// </summary>
internal static class RefRecordCodec
{
    private const byte Format = 1;

    public static byte[] Encode(RepositoryRecord repository)
    {
        var writer = Begin();
        writer.WriteString(repository.Id);
        writer.WriteString(repository.StorageNamespace);
        writer.WriteString(repository.DefaultBranchId);
        writer.WriteVarInt(repository.CreationDate.UtcTicks);
        writer.WriteByte((byte)repository.State);
        writer.WriteString(repository.InstanceUid);
        writer.WriteBool(repository.ReadOnly);
        return writer.ToArray();
    }

    public static RepositoryRecord DecodeRepository(ReadOnlySpan<byte> data)
    {
        var reader = Open(data);
        return new RepositoryRecord(
            reader.ReadString(),
            reader.ReadString(),
            reader.ReadString(),
            ReadDate(ref reader),
            (RepositoryState)reader.ReadByte(),
            reader.ReadString(),
            reader.ReadBool());
    }

    public static byte[] Encode(BranchRecord branch)
    {
        var writer = Begin();
        writer.WriteString(branch.Id);
        writer.WriteString(branch.CommitId.Value);
        writer.WriteString(branch.StagingToken.Value);
        writer.WriteStringList(branch.SealedTokens, t => t.Value);
        return writer.ToArray();
    }

    public static BranchRecord DecodeBranch(ReadOnlySpan<byte> data)
    {
        var reader = Open(data);
        var id = reader.ReadString();
        var commit = new CommitId(reader.ReadString());
        var token = new StagingToken(reader.ReadString());
        var sealedTokens = reader.ReadStringList().ConvertAll(t => new StagingToken(t));
        return new BranchRecord(id, commit, token, sealedTokens);
    }

    public static byte[] Encode(TagRecord tag)
    {
        var writer = Begin();
        writer.WriteString(tag.Id);
        writer.WriteString(tag.CommitId.Value);
        return writer.ToArray();
    }

    public static TagRecord DecodeTag(ReadOnlySpan<byte> data)
    {
        var reader = Open(data);
        return new TagRecord(reader.ReadString(), new CommitId(reader.ReadString()));
    }

    public static byte[] Encode(CommitRecord commit)
    {
        var writer = Begin();
        writer.WriteString(commit.Id.Value);
        writer.WriteString(commit.Committer);
        writer.WriteString(commit.Message);
        writer.WriteVarInt(commit.CreationDate.UtcTicks);
        writer.WriteString(commit.MetaRangeId.Value ?? "");
        writer.WriteStringMap(commit.Metadata);
        writer.WriteStringList(commit.Parents, p => p.Value);
        writer.WriteVarInt(commit.Version);
        writer.WriteVarInt(commit.Generation);
        return writer.ToArray();
    }

    public static CommitRecord DecodeCommit(ReadOnlySpan<byte> data)
    {
        var reader = Open(data);
        var id = new CommitId(reader.ReadString());
        var committer = reader.ReadString();
        var message = reader.ReadString();
        var date = ReadDate(ref reader);
        var metaRange = new MetaRangeId(reader.ReadString());
        var metadata = reader.ReadStringMap();
        var parents = reader.ReadStringList().ConvertAll(p => new CommitId(p));
        var version = checked((int)reader.ReadVarInt());
        var generation = reader.ReadVarInt();
        return new CommitRecord(id, committer, message, date, metaRange, metadata, parents, version, generation);
    }

    public static byte[] EncodeMetadata(IReadOnlyDictionary<string, string> metadata)
    {
        var writer = Begin();
        writer.WriteStringMap(metadata);
        return writer.ToArray();
    }

    public static Dictionary<string, string> DecodeMetadata(ReadOnlySpan<byte> data)
    {
        var reader = Open(data);
        return reader.ReadStringMap();
    }

    private static RecordWriter Begin()
    {
        var writer = new RecordWriter();
        writer.WriteByte(Format);
        return writer;
    }

    private static RecordReader Open(ReadOnlySpan<byte> data)
    {
        var reader = new RecordReader(data);
        var format = reader.ReadByte();
        if (format != Format)
        {
            throw new InvalidDataException($"Unknown versioning record format {format}.");
        }

        return reader;
    }

    private static DateTimeOffset ReadDate(ref RecordReader reader)
    {
        var ticks = reader.ReadVarInt();
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            throw new InvalidDataException("A stored date is out of range.");
        }

        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }
}
