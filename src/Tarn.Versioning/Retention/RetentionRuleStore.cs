using Tarn.Core;
using Tarn.Kv;
using Tarn.Versioning.Refs;

namespace Tarn.Versioning.Retention;

/// <summary>Keeps each repository's <see cref="RetentionRules"/> as one record in its KV partition.</summary>
internal sealed class RetentionRuleStore(IKvStore kv)
{
    private static readonly byte[] RulesKey = "settings/gc-rules"u8.ToArray();

    /// <summary>The rules; 404 <c>not found</c> when none were set (docs/repositories.md, "Garbage-collection rules").</summary>
    public async ValueTask<RetentionRules> GetAsync(RepositoryRecord repository, CancellationToken cancellationToken)
    {
        var entry = await kv.GetAsync(repository.Partition, RulesKey, cancellationToken) ?? throw TarnException.NotFound();
        return Decode(entry.Value);
    }

    public async ValueTask SetAsync(RepositoryRecord repository, RetentionRules rules, CancellationToken cancellationToken)
    {
        Validate(rules);
        await kv.SetAsync(repository.Partition, RulesKey, Encode(rules), cancellationToken);
    }

    public ValueTask DeleteAsync(RepositoryRecord repository, CancellationToken cancellationToken) =>
        kv.DeleteAsync(repository.Partition, RulesKey, cancellationToken);

    private static void Validate(RetentionRules rules)
    {
        if (rules.DefaultRetentionDays < 0)
        {
            throw TarnException.Invalid("default_retention_days must not be negative");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var branch in rules.Branches)
        {
            IdentifierRules.EnsureBranchId(branch.BranchId);
            if (branch.RetentionDays < 0)
            {
                throw TarnException.Invalid($"retention_days of branch '{branch.BranchId}' must not be negative");
            }

            if (!seen.Add(branch.BranchId))
            {
                throw TarnException.Invalid($"branch '{branch.BranchId}' has more than one rule");
            }
        }
    }

    private static byte[] Encode(RetentionRules rules)
    {
        var writer = new RecordWriter();
        writer.WriteVarInt(rules.DefaultRetentionDays);
        writer.WriteVarUInt((ulong)rules.Branches.Count);
        foreach (var branch in rules.Branches)
        {
            writer.WriteString(branch.BranchId);
            writer.WriteVarInt(branch.RetentionDays);
        }

        return writer.ToArray();
    }

    private static RetentionRules Decode(byte[] value)
    {
        var reader = new RecordReader(value);
        var defaultDays = (int)reader.ReadVarInt();
        var count = (int)reader.ReadVarUInt();
        var branches = new List<BranchRetention>(count);
        for (var i = 0; i < count; i++)
        {
            var id = reader.ReadString();
            branches.Add(new BranchRetention(id, (int)reader.ReadVarInt()));
        }

        return new RetentionRules(defaultDays, branches);
    }
}
