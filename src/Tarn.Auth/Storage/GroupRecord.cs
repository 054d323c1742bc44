namespace Tarn.Auth.Storage;

/// <summary>A stored group.</summary>
internal sealed record GroupRecord(string Name, string Uid, DateTimeOffset CreatedAt)
{
    public Group ToGroup() => new(Name, CreatedAt);
}
